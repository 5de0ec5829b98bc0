using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Running;
using ChiBo.Serialization;
using ChiBo.Testing;

namespace ChiBo.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/ChiBo.Benchmarks -- --filter '*'</c>
/// (BenchmarkDotNet's command line: <c>--filter</c>, <c>--job short</c>, …). See docs/performance.md.
/// <c>-- generate-ndjson COUNT FILE [SEED]</c> writes COUNT generated cases as NDJSON (one compact case file a line)
/// for a sweep with <c>chibo evaluate --batch</c> (issue 17); the data is never committed.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments, or <c>generate-ndjson COUNT FILE [SEED]</c>.</param>
    public static void Main(string[] args)
    {
        if (args is ["generate-ndjson", var count, var file, ..])
        {
            var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : EvaluationBenchmarks.Seed;
            GenerateNdjson(int.Parse(count, CultureInfo.InvariantCulture), file, seed);
            return;
        }

        if (args is ["cold-stages", var caseFile, ..])
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var catalog = ChiBo.Rules.RuleCatalog.Shipped;
            var load = clock.Elapsed.TotalMilliseconds;
            var read = Cases.CaseFileSerializer.ReadFile(caseFile).GetValueOrThrow();
            var readTime = clock.Elapsed.TotalMilliseconds;
            var answer = new ChiBo.Evaluation.CaseEvaluator(catalog).Evaluate(read, new NodaTime.LocalDate(2019, 6, 10)).GetValueOrThrow();
            var evaluate = clock.Elapsed.TotalMilliseconds;
            var json = JsonSerializer.Serialize(answer, ChiBoJson.Options);
            var write = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"load {load:F0} ms, read {readTime - load:F0} ms, evaluate {evaluate - readTime:F0} ms, answer JSON {write - evaluate:F0} ms ({json.Length} chars)");
            return;
        }

        if (args is ["answer-check"])
        {
            var generated = CaseGenerator.Generate(EvaluationBenchmarks.Seed, 2000);
            var bytes = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(generated, g => System.Text.Encoding.UTF8.GetBytes(Cases.CaseFileSerializer.Write(g.File))));
            var evaluator = new ChiBo.Evaluation.CaseEvaluator(ChiBo.Rules.RuleCatalog.LoadShipped().GetValueOrThrow());
            for (var pass = 0; pass < 4; pass++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (var i = 0; i < generated.Length; i++)
                {
                    evaluator.Evaluate(generated[i].File, generated[i].AsOf);
                }

                var d = clock.Elapsed.TotalMicroseconds / generated.Length;
                var read = new Cases.CaseFile[generated.Length];
                clock.Restart();
                for (var i = 0; i < generated.Length; i++)
                {
                    read[i] = Cases.CaseFileSerializer.Read(bytes[i]).Value!;
                }

                var r = clock.Elapsed.TotalMicroseconds / generated.Length;
                clock.Restart();
                for (var i = 0; i < generated.Length; i++)
                {
                    evaluator.Evaluate(read[i], generated[i].AsOf);
                }

                var e = clock.Elapsed.TotalMicroseconds / generated.Length;
                Console.WriteLine($"evaluate generated {d:F1} us, read {r:F1} us, evaluate read {e:F1} us");
            }

            return;
        }

        if (args is ["evaluation-parts", ..])
        {
            EvaluationParts(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args is ["sweep-stages", var ndjson, ..])
        {
            SweepStages(ndjson, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// Times the stages of a sweep on one thread over the first lines of an NDJSON file (after one warm-up pass): read,
    /// read + evaluate, read + evaluate + write the answer line. A rough split for docs/performance.md, not a benchmark.
    /// </summary>
    /// <param name="path">The NDJSON file.</param>
    /// <param name="count">How many lines.</param>
    public static void SweepStages(string path, int count)
    {
        var lines = new System.Collections.Generic.List<byte[]>();
        foreach (var line in File.ReadLines(path))
        {
            lines.Add(System.Text.Encoding.UTF8.GetBytes(line));
            if (lines.Count == count)
            {
                break;
            }
        }

        var evaluator = new ChiBo.Evaluation.CaseEvaluator(ChiBo.Rules.RuleCatalog.Shipped);
        var asOf = new NodaTime.LocalDate(2026, 12, 1);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ChiBoJson.CompactOptions.Encoder, SkipValidation = true });
        for (var pass = 0; pass < 3; pass++)
        {
            var allocated = new long[6];
            allocated[0] = GC.GetAllocatedBytesForCurrentThread();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var line in lines)
            {
                Cases.CaseFileSerializer.Read(line);
            }

            allocated[1] = GC.GetAllocatedBytesForCurrentThread();
            var read = clock.Elapsed.TotalMicroseconds / lines.Count;
            clock.Restart();
            foreach (var line in lines)
            {
                evaluator.Evaluate(Cases.CaseFileSerializer.Read(line).Value!, asOf);
            }

            allocated[2] = GC.GetAllocatedBytesForCurrentThread();
            var evaluate = clock.Elapsed.TotalMicroseconds / lines.Count;
            clock.Restart();
            long bytes = 0;
            foreach (var line in lines)
            {
                var answer = evaluator.Evaluate(Cases.CaseFileSerializer.Read(line).Value!, asOf).Value!;
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                JsonSerializer.Serialize(writer, answer, ChiBoJson.CompactOptions);
                writer.Flush();
                bytes += buffer.WrittenCount;
            }

            allocated[3] = GC.GetAllocatedBytesForCurrentThread();
            var all = clock.Elapsed.TotalMicroseconds / lines.Count;
            clock.Restart();
            foreach (var line in lines)
            {
                var answer = evaluator.Evaluate(Cases.CaseFileSerializer.Read(line).Value!, asOf).Value!;
                Touch(answer);
            }

            allocated[4] = GC.GetAllocatedBytesForCurrentThread();
            var findings = clock.Elapsed.TotalMicroseconds / lines.Count;
            clock.Restart();
            foreach (var line in lines)
            {
                var answer = evaluator.Evaluate(Cases.CaseFileSerializer.Read(line).Value!, asOf).Value!;
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                ChiBo.Rules.Batch.AnswerWriter.Write(writer, answer);
                writer.Flush();
            }

            allocated[5] = GC.GetAllocatedBytesForCurrentThread();
            var fast = clock.Elapsed.TotalMicroseconds / lines.Count;
            Console.WriteLine($"pass {pass}: read {read:F1} us, read+evaluate {evaluate:F1} us, +findings made {findings:F1} us, +answer JSON {all:F1} us (AnswerWriter {fast:F1} us) per case (answer {bytes / lines.Count} bytes)");
            Console.WriteLine($"  allocated per case: read {(allocated[1] - allocated[0]) / lines.Count} B, read+evaluate {(allocated[2] - allocated[1]) / lines.Count} B, +answer JSON {(allocated[3] - allocated[2]) / lines.Count} B, +findings made {(allocated[4] - allocated[3]) / lines.Count} B, AnswerWriter {(allocated[5] - allocated[4]) / lines.Count} B");
        }
    }

    /// <summary>
    /// Splits D's evaluation (the generated cases at their own dates, as <c>D_CaseEvaluator</c>) into its parts and
    /// prints the bytes each allocates per case on one thread (<c>GC.GetAllocatedBytesForCurrentThread</c>) and a rough
    /// time: replay, the gate ahead's assessment, the violations, the deadlines, the warnings, the standing, and the whole.
    /// </summary>
    /// <param name="passes">How many passes (the first warms up).</param>
    public static void EvaluationParts(int passes)
    {
        var cases = CaseGenerator.Generate(EvaluationBenchmarks.Seed, EvaluationBenchmarks.CaseCount);
        var rules = ChiBo.Rules.RuleCatalog.Shipped;
        var evaluator = new ChiBo.Evaluation.CaseEvaluator(rules);
        var histories = new ChiBo.Lifecycle.CaseHistory[cases.Length];
        for (var pass = 0; pass < passes; pass++)
        {
            var parts = new System.Collections.Generic.List<(string Name, long Bytes, double Us)>();
            void Part(string name, Action<int> body)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (var i = 0; i < cases.Length; i++)
                {
                    body(i);
                }

                parts.Add((name, (GC.GetAllocatedBytesForCurrentThread() - before) / cases.Length, clock.Elapsed.TotalMicroseconds / cases.Length));
            }

            Part("replay", i => histories[i] = Lifecycle.CaseLifecycle.Replay(cases[i].File, cases[i].AsOf).History!);
            Part("assess", i =>
            {
                var gate = histories[i].NextGate;
                if (gate != Lifecycle.Gate.None)
                {
                    rules.Assess(histories[i], gate, cases[i].AsOf);
                }
            });
            Part("violations", i => rules.FindViolations(histories[i]));
            Part("deadlines", i => ChiBo.Evaluation.CaseDeadlines.Of(histories[i], cases[i].AsOf, rules, rules.Calendar));
            Part("warnings", i => rules.WarningsFor(histories[i], histories[i].NextGate, cases[i].AsOf));
            Part("standing", i =>
            {
                if (histories[i].Stage is Lifecycle.Stage.Probationary or Lifecycle.Stage.FullMember)
                {
                    rules.AssessStanding(histories[i], cases[i].AsOf);
                }
            });
            Part("cell", i => histories[i].Case.Cell.On(cases[i].AsOf));
            Part("evaluate(history)", i => evaluator.Evaluate(histories[i], cases[i].AsOf));
            Part("Evaluate(case) = D", i => evaluator.Evaluate(cases[i].File, cases[i].AsOf));
            Console.WriteLine($"pass {pass}: " + string.Join(", ", parts.ConvertAll(p => $"{p.Name} {p.Bytes} B {p.Us:F2} us")));
        }

        if (Environment.GetEnvironmentVariable("CHIBO_ALLOCATION_TYPES") is "1")
        {
            // The runtime's allocation ticks (one per ~100 KB allocated) by type: a sample of what D allocates.
            using var listener = new AllocationTicks();
            for (var pass = 0; pass < 50; pass++)
            {
                for (var i = 0; i < cases.Length; i++)
                {
                    evaluator.Evaluate(cases[i].File, cases[i].AsOf);
                }
            }

            foreach (var assembly in new[] { typeof(ChiBo.Evaluation.CaseEvaluator).Assembly, typeof(ChiBo.Rules.RuleCatalog).Assembly })
            {
                foreach (var t in assembly.GetTypes())
                {
                    if (t.Name == "<>c__DisplayClass0_0" && !t.IsValueType)
                    {
                        Console.WriteLine($"closure class in {t.DeclaringType}: {string.Join(", ", System.Linq.Enumerable.Select(t.GetFields(), f => f.Name))}");
                    }
                }
            }

            foreach (var (type, bytes) in listener.ByType())
            {
                Console.WriteLine($"{bytes / (50.0 * cases.Length),8:F1} B/case  {type}");
            }
        }
    }

    private sealed class AllocationTicks : System.Diagnostics.Tracing.EventListener
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> bytes = new();

        public System.Collections.Generic.IEnumerable<(string Type, long Bytes)> ByType() =>
            System.Linq.Enumerable.Select(System.Linq.Enumerable.OrderByDescending(bytes, p => p.Value), p => (p.Key, p.Value));

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } payload)
            {
                var type = (string?)payload[e.PayloadNames!.IndexOf("TypeName")] ?? "?";
                var amount = System.Convert.ToInt64(payload[e.PayloadNames!.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
                bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
            }
        }
    }

    // Makes every deferred finding of an answer (what the answer JSON reads), without writing it.
    private static void Touch(ChiBo.Evaluation.CaseEvaluation answer)
    {
        foreach (var check in answer.Checks)
        {
            _ = check.Finding;
        }

        foreach (var check in answer.Standing ?? [])
        {
            _ = check.Finding;
        }

        foreach (var violation in answer.Violations)
        {
            _ = violation.Finding;
        }

        foreach (var deadline in answer.Deadlines)
        {
            _ = deadline.Finding;
        }
    }

    /// <summary>Writes generated cases as NDJSON, 10,000 at a time (the seed plus the block's number), in constant memory.</summary>
    /// <param name="count">How many cases.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="seed">The first block's seed.</param>
    public static void GenerateNdjson(int count, string path, int seed)
    {
        const int Block = 10_000;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ChiBoJson.CompactOptions.Encoder, SkipValidation = true });
        var newline = "\n"u8.ToArray();
        for (var done = 0; done < count; done += Block)
        {
            foreach (var generated in CaseGenerator.Generate(seed + (done / Block), Math.Min(Block, count - done)))
            {
                JsonSerializer.Serialize(writer, generated.File, ChiBoJson.CompactOptions);
                writer.Flush();
                stream.Write(newline);
                writer.Reset(stream);
            }
        }

        Console.WriteLine($"{count} cases written to {path} ({new FileInfo(path).Length:N0} bytes)");
    }
}
