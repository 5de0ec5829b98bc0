using System.Globalization;
using System.IO;
#if !CHIBO_NATIVE
using ChiBo.Server;
#endif

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo serve [--rules FOLDER] [--port N] [--host ADDRESS]</c>: ChiBo over HTTP for apps in any language (the routes
/// under <c>/v1</c>, <c>/healthz</c>, <c>/readyz</c>, <c>/openapi/v1.json</c>, <c>/docs</c>), until Ctrl+C.
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";

    public CliSpec Spec { get; } = new(
        new("chạy ChiBo như một dịch vụ HTTP (API /v1, /docs) cho ứng dụng viết bằng bất kỳ ngôn ngữ nào", "run ChiBo as an HTTP service (the /v1 API, /docs) for apps in any language"),
        [],
        [
            CliOptions.Rules,
            new CliOptionSpec("port", "N", new("cổng (mặc định 5080)", "the port (5080 by default)")),
            new CliOptionSpec("host", "ADDRESS", new("địa chỉ lắng nghe (mặc định 127.0.0.1)", "the address to listen on (127.0.0.1 by default)")),
        ],
        new("Dừng bằng Ctrl+C. Thư mục quy định được theo dõi: sửa tệp là dịch vụ dùng bản mới khi nạp được trọn vẹn.",
            "Stop with Ctrl+C. The rules folder is watched: an edit is used once it loads completely."));

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var port = args.Option("port") is { } text ? CliArguments.ParseInt(text, "--port") : 5080;
        if (port is < 1 or > 65535)
        {
            throw new CliInputException($"--port must be between 1 and 65535, not {port.ToString(CultureInfo.InvariantCulture)}");
        }

        var host = args.Option("host") ?? "127.0.0.1";
        var rules = args.Option("rules");
        if (rules is not null && !Directory.Exists(rules))
        {
            throw new CliInputException($"--rules: no folder '{rules}'");
        }

#if CHIBO_NATIVE
        // The native build of the tool (docs/packaging.md) leaves the web server out: ASP.NET Core's minimal APIs
        // need code made at run time, which a Native AOT program cannot make.
        _ = stdout;
        stderr.WriteLine(args.Language == ChiBo.Text.Language.English
            ? "chibo serve: this build of chibo (the native one, which starts at once) has no web server; run the service with the usual, framework-dependent chibo or with samples/ChiBo.Server (docs/packaging.md)"
            : "chibo serve: bản chibo này (bản biên dịch sẵn, khởi động ngay) không có máy chủ web; hãy chạy dịch vụ bằng bản chibo thông thường (chạy trên .NET) hoặc samples/ChiBo.Server (docs/packaging.md)");
        return Program.BadInput;
#else
        var app = ChiBoServer.Build([$"--urls=http://{host}:{port.ToString(CultureInfo.InvariantCulture)}"], s => s.RulesFolder = rules is null ? null : Path.GetFullPath(rules));
        stdout.WriteLine($"chibo serve: http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/docs — Ctrl+C to stop");
        app.Run();
        return Program.Ok;
#endif
    }
}
