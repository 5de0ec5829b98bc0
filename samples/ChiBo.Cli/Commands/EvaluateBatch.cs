using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Evaluation;
using ChiBo.Rules.Batch;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo evaluate --batch FILE.ndjson|FOLDER|- --as-of DATE [-o FILE]</c>: a sweep of NDJSON case files (one
/// compact case file a line; a folder: every <c>*.ndjson</c> in it, in name order; <c>-</c>: standard input) through
/// <see cref="CaseBatch"/>, every core judging, one NDJSON answer a line out (standard output or <c>--output</c>), a
/// progress bar on standard error when it is a terminal, each unreadable line named on standard error without stopping,
/// and a summary at the end. Exit 1 when some line could not be read or evaluated.
/// </summary>
internal static class EvaluateBatch
{
    /// <summary>The options of the sweep, added to <c>chibo evaluate</c>'s.</summary>
    public static CliOptionSpec[] Options { get; } =
    [
        new("batch", "FILE.ndjson|FOLDER|-", new(
            "quét hàng loạt: tệp NDJSON (mỗi dòng một hồ sơ), thư mục các tệp *.ndjson, hoặc - (đầu vào chuẩn); mỗi dòng một câu trả lời NDJSON",
            "a sweep: an NDJSON file (one case file a line), a folder of *.ndjson files, or - (standard input); one NDJSON answer a line")),
    ];

    public static int Run(string source, LocalDate asOf, CaseEvaluator evaluator, CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var language = args.Language;
        var en = language == Language.English;
        var inputs = Inputs(source);
        var interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var outPath = args.Option("output");
        using var output = outPath is not null ? new FileStream(outPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)
            : ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput()
            : new TextWriterStream(stdout);
        var total = inputs.Sum(i => i.Length ?? 0);
        var known = inputs.All(i => i.Length is not null);
        var clock = Stopwatch.StartNew();
        var bar = interactive ? new ProgressBar(stderr, known ? total : null, en) : null;
        var totals = new List<CaseBatchSummary>();
        long before = 0;
        foreach (var input in inputs)
        {
            using var stream = input.Open();
            var start = before;
            var options = new CaseBatchOptions
            {
                SourceName = input.Name,
                Unreadable = result =>
                {
                    bar?.Clear();
                    foreach (var error in result.Errors)
                    {
                        stderr.WriteLine($"chibo evaluate: warning: {error}");
                    }
                },
                Progress = bar is null ? null : new Immediate(p => bar.Show(start + p.Bytes, p.Lines, clock.Elapsed)),
            };
            var summary = CaseBatch.WriteAnswersAsync(stream, output, evaluator, asOf, options).GetAwaiter().GetResult();
            totals.Add(summary);
            before += summary.Bytes;
        }

        bar?.Clear();
        WriteSummary(stderr, totals, clock.Elapsed, language);
        return totals.Sum(t => t.Unreadable) == 0 ? Program.Ok : Program.Findings;
    }

    private static IReadOnlyList<Input> Inputs(string source)
    {
        if (source == "-")
        {
            return [new Input(null, null, Console.OpenStandardInput)];
        }

        if (Directory.Exists(source))
        {
            var files = Directory.GetFiles(source, "*.ndjson").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                throw new CliInputException($"{source}: the folder holds no NDJSON file (*.ndjson)");
            }

            return [.. files.Select(File)];
        }

        if (!System.IO.File.Exists(source))
        {
            throw new CliInputException($"{source}: no such file or folder");
        }

        return [File(source)];

        static Input File(string path) => new(path, new FileInfo(path).Length,
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    }

    private static void WriteSummary(TextWriter o, IReadOnlyList<CaseBatchSummary> parts, TimeSpan elapsed, Language language)
    {
        var en = language == Language.English;
        long Sum(Func<CaseBatchSummary, long> f) => parts.Sum(f);
        var answers = Sum(p => p.Answers);
        var rate = elapsed.TotalSeconds > 0 ? answers / elapsed.TotalSeconds : 0;
        o.WriteLine(en
            ? string.Create(Numbers(en), $"{answers:N0} cases answered in {elapsed.TotalSeconds:F1} s ({rate:N0}/s); {Sum(p => p.Lines):N0} lines, {Sum(p => p.Unreadable):N0} unreadable")
            : string.Create(Numbers(en), $"Đã trả lời {answers:N0} hồ sơ trong {elapsed.TotalSeconds:F1} giây ({rate:N0}/giây); {Sum(p => p.Lines):N0} dòng, {Sum(p => p.Unreadable):N0} dòng không đọc được"));
        o.WriteLine(en ? "By stage:" : "Theo giai đoạn:");
        var stages = parts.SelectMany(p => p.ByStage).GroupBy(kv => kv.Key).OrderBy(g => g.Key);
        foreach (var stage in stages)
        {
            o.WriteLine(string.Create(Numbers(en), $"  {Labels.Stage(stage.Key, language),-40}{stage.Sum(kv => kv.Value),12:N0}"));
        }

        o.WriteLine(en
            ? string.Create(Numbers(en), $"Overdue deadlines: {Sum(p => p.OverdueDeadlines):N0} (in {Sum(p => p.CasesWithOverdueDeadlines):N0} cases)")
            : string.Create(Numbers(en), $"Thời hạn quá hạn: {Sum(p => p.OverdueDeadlines):N0} (trong {Sum(p => p.CasesWithOverdueDeadlines):N0} hồ sơ)"));
        o.WriteLine(en
            ? string.Create(Numbers(en), $"Violations: {Sum(p => p.Violations):N0} (in {Sum(p => p.CasesWithViolations):N0} cases)")
            : string.Create(Numbers(en), $"Vi phạm: {Sum(p => p.Violations):N0} (trong {Sum(p => p.CasesWithViolations):N0} hồ sơ)"));
    }

    /// <summary>Numbers as each language writes them: 1.000.000 and 0,6 in Vietnamese; 1,000,000 and 0.6 in English.</summary>
    private static System.Globalization.NumberFormatInfo Numbers(bool en) => en ? English : Vietnamese;

    private static readonly System.Globalization.NumberFormatInfo English = System.Globalization.CultureInfo.InvariantCulture.NumberFormat;

    private static readonly System.Globalization.NumberFormatInfo Vietnamese = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        PercentDecimalSeparator = ",",
    };

    private sealed record Input(string? Name, long? Length, Func<Stream> Open);

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread at once (not through a synchronisation context).</summary>
    private sealed class Immediate(Action<CaseBatchProgress> report) : IProgress<CaseBatchProgress>
    {
        public void Report(CaseBatchProgress value) => report(value);
    }

    /// <summary>One line of standard error redrawn in place, at most ten times a second.</summary>
    private sealed class ProgressBar(TextWriter stderr, long? total, bool en)
    {
        private const int Width = 30;
        private TimeSpan last = TimeSpan.MinValue;
        private bool shown;

        public void Show(long bytes, long lines, TimeSpan elapsed)
        {
            if (elapsed - last < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            last = elapsed;
            var rate = elapsed.TotalSeconds > 0 ? lines / elapsed.TotalSeconds : 0;
            var text = new StringBuilder("\r");
            if (total is > 0 and var size)
            {
                var done = Math.Clamp((double)bytes / size, 0, 1);
                var filled = (int)(done * Width);
                text.Append('[').Append('#', filled).Append('.', Width - filled).Append("] ").Append(string.Create(Numbers(en), $"{done * 100,3:F0}% "));
            }

            text.Append(en ? string.Create(Numbers(en), $"{lines:N0} lines, {rate:N0}/s ") : string.Create(Numbers(en), $"{lines:N0} dòng, {rate:N0}/giây "));
            stderr.Write(text.ToString());
            shown = true;
        }

        public void Clear()
        {
            if (shown)
            {
                stderr.Write("\r" + new string(' ', Width + 50) + "\r");
                shown = false;
                last = TimeSpan.MinValue;
            }
        }
    }

    /// <summary>UTF-8 bytes written to a text writer (standard output captured by a test or a host).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[decoder.GetCharCount(buffer, flush: false)];
            var n = decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }
    }
}
