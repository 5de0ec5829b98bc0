using System.IO;
using ChiBo.Lifecycle;

namespace ChiBo.Cli.Commands;

/// <summary><c>chibo graph</c>: prints the lifecycle's transition table as a Mermaid diagram.</summary>
internal sealed class GraphCommand : ICliCommand
{
    public string Name => "graph";

    public CliSpec Spec { get; } = new(
        new("in vòng đời hồ sơ (giai đoạn × sự kiện → giai đoạn) dạng sơ đồ Mermaid", "print the lifecycle (stage × event → stage) as a Mermaid state diagram"),
        [],
        []);


    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        stdout.Write(TransitionTable.Standard.ToMermaid(args.Language));
        return Program.Ok;
    }
}
