using System.IO;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo completion bash|zsh|pwsh</c>: prints the script that makes the shell complete chibo's commands, options and
/// their values (<c>source &lt;(chibo completion bash)</c>); the script asks <c>chibo __complete WORDS…</c>, which answers
/// from the same declarations as the parser and the help.
/// </summary>
internal sealed class CompletionCommand : ICliCommand
{
    public string Name => "completion";

    public CliSpec Spec { get; } = new(
        new("in đoạn mã gợi ý lệnh cho shell (bash, zsh, pwsh)", "print the shell completion script (bash, zsh, pwsh)"),
        [new CliArgumentSpec("SHELL", new("bash, zsh hoặc pwsh", "bash, zsh or pwsh"))],
        [],
        new("Ví dụ: source <(chibo completion bash)", "For example: source <(chibo completion bash)"));

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var shell = args.RequirePositional(0, "the shell (bash, zsh or pwsh)");
        stdout.Write(shell switch
        {
            "bash" => """
                _chibo_complete() {
                  local IFS=$'\n'
                  COMPREPLY=($(chibo __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
                }
                complete -o default -F _chibo_complete chibo

                """,
            "zsh" => """
                #compdef chibo
                _chibo() {
                  local -a candidates
                  candidates=("${(@f)$(chibo __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
                  compadd -a candidates
                }
                compdef _chibo chibo

                """,
            "pwsh" => """
                Register-ArgumentCompleter -Native -CommandName chibo -ScriptBlock {
                  param($wordToComplete, $commandAst, $cursorPosition)
                  $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                  if ($wordToComplete -eq '') { $words += '' }
                  chibo __complete @words | ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
                }

                """,
            _ => throw new CliInputException($"the shell must be bash, zsh or pwsh, not '{shell}'"),
        });
        return Program.Ok;
    }
}
