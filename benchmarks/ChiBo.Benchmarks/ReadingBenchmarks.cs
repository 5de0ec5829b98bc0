using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Rules;
using ChiBo.Testing;
using NodaTime;

namespace ChiBo.Benchmarks;

/// <summary>
/// Reading and writing case files (issue 17): <see cref="CaseFileSerializer.Read(ReadOnlySpan{byte}, string?)"/> with
/// every check it makes, against the physical reference — plain <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue})"/>
/// with a source-generated context and no checks at all — on the same bytes: the 2,000 generated cases
/// (<see cref="CaseGenerator"/>, seed <see cref="EvaluationBenchmarks.Seed"/>) written by the library. Times are per case;
/// the setup prints the mean size, from which MB/s follow.
/// </summary>
[MemoryDiagnoser]
public class ReadingBenchmarks
{
    private const int CaseCount = EvaluationBenchmarks.CaseCount;

    private byte[][] files = null!;
    private CaseFile[] values = null!;
    private CaseFile[] readValues = null!;
    private LocalDate[] dates = null!;
    private CaseEvaluator evaluator = null!;

    /// <summary>The mean size of a case file, in bytes (printed by the setup).</summary>
    public double MeanBytes { get; private set; }

    /// <summary>Generates and writes the cases, checks that every reader gives the same value.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var cases = CaseGenerator.Generate(EvaluationBenchmarks.Seed, CaseCount);
        values = cases.Select(c => c.File).ToArray();
        dates = cases.Select(c => c.AsOf).ToArray();
        files = values.Select(v => Encoding.UTF8.GetBytes(CaseFileSerializer.Write(v))).ToArray();
        MeanBytes = files.Average(f => f.Length);
        evaluator = new CaseEvaluator(RuleCatalog.LoadShipped().GetValueOrThrow());
        for (var i = 0; i < files.Length; i++)
        {
            var fast = CaseFileSerializer.Read(files[i]).GetValueOrThrow();
            var slow = CaseFileSerializer.ReadWithSerializer(files[i]).GetValueOrThrow();
            var plain = JsonSerializer.Deserialize(files[i], PlainCaseJson.Default.CaseFile)!;
            if (!fast.Equals(slow) || !fast.Equals(plain) || !fast.Equals(values[i]))
            {
                throw new InvalidOperationException($"case {i}: the readers disagree");
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (CaseFileSerializer.Write(values[i]) != CaseFileSerializer.WriteWithSerializer(values[i]))
            {
                throw new InvalidOperationException($"case {i}: the writers disagree");
            }
        }

        readValues = files.Select(f => CaseFileSerializer.Read(f).Value!).ToArray();
        Console.WriteLine($"// {CaseCount} case files, mean {MeanBytes:F0} bytes");
    }

    /// <summary>ChiBo's reader: the fast Utf8JsonReader pass, then the bounds (<c>Validate</c>).</summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int ChiBo_Read()
    {
        var n = 0;
        foreach (var file in files)
        {
            n += CaseFileSerializer.Read(file).Value!.Events.Length;
        }

        return n;
    }

    /// <summary>The physical reference: plain source-generated System.Text.Json, no checks.</summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = CaseCount)]
    public int SourceGenerated_Read()
    {
        var n = 0;
        foreach (var file in files)
        {
            n += JsonSerializer.Deserialize(file, PlainCaseJson.Default.CaseFile)!.Events.Length;
        }

        return n;
    }

    /// <summary>The reader before issue 17: System.Text.Json with ChiBo's options and checks, then the bounds.</summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int Serializer_Read()
    {
        var n = 0;
        foreach (var file in files)
        {
            n += CaseFileSerializer.ReadWithSerializer(file).Value!.Events.Length;
        }

        return n;
    }

    /// <summary>From JSON to the answer: read, then <see cref="CaseEvaluator.Evaluate(CaseFile, LocalDate)"/>.</summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int ChiBo_JsonToAnswer()
    {
        var n = 0;
        for (var i = 0; i < files.Length; i++)
        {
            var caseFile = CaseFileSerializer.Read(files[i]).Value!;
            n += (int)evaluator.Evaluate(caseFile, dates[i]).Value!.Stage;
        }

        return n;
    }

    /// <summary>The evaluation alone, of the cases read in the setup (D's work on read instances), to split JSON → answer.</summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int ChiBo_EvaluateRead()
    {
        var n = 0;
        for (var i = 0; i < readValues.Length; i++)
        {
            n += (int)evaluator.Evaluate(readValues[i], dates[i]).Value!.Stage;
        }

        return n;
    }

    /// <summary>
    /// ChiBo's writer (indented, the contract's format): the hand-written Utf8JsonWriter pass (<c>CaseFileFastWriter</c>),
    /// the same bytes as <see cref="Serializer_Write"/>.
    /// </summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int ChiBo_Write()
    {
        var n = 0;
        foreach (var value in values)
        {
            n += CaseFileSerializer.Write(value).Length;
        }

        return n;
    }

    /// <summary>The writer before issue 17's writing goal: System.Text.Json with ChiBo's options (the reference the fast writer must match).</summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int Serializer_Write()
    {
        var n = 0;
        foreach (var value in values)
        {
            n += CaseFileSerializer.WriteWithSerializer(value).Length;
        }

        return n;
    }

    /// <summary>
    /// Plain source-generated System.Text.Json writing the same values (indented; its default encoder escapes the
    /// Vietnamese letters, so its text is longer than the contract's).
    /// </summary>
    /// <returns>A value, so that nothing is optimised away.</returns>
    [Benchmark(OperationsPerInvoke = CaseCount)]
    public int SourceGenerated_Write()
    {
        var n = 0;
        foreach (var value in values)
        {
            n += JsonSerializer.Serialize(value, PlainCaseJson.Default.CaseFile).Length;
        }

        return n;
    }
}

/// <summary>Plain source-generated metadata for case files: camelCase, enums as strings, no checks beyond the types'.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true,
    Converters = [typeof(PlainLocalDateConverter), typeof(PlainYearMonthConverter)])]
[JsonSerializable(typeof(CaseFile))]
internal sealed partial class PlainCaseJson : JsonSerializerContext;

/// <summary>ISO dates (yyyy-MM-dd), the least a reader must do.</summary>
internal sealed class PlainLocalDateConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.ValueSpan;
        return new LocalDate(D(s, 0, 4), D(s, 5, 2), D(s, 8, 2));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[10];
        ChiBo.Serialization.IsoLocalDateConverter.Format(value, text);
        writer.WriteStringValue(text);
    }

    internal static int D(ReadOnlySpan<byte> s, int at, int n)
    {
        var v = 0;
        for (var i = at; i < at + n; i++)
        {
            v = (v * 10) + (s[i] - '0');
        }

        return v;
    }
}

/// <summary>ISO months (yyyy-MM).</summary>
internal sealed class PlainYearMonthConverter : JsonConverter<YearMonth>
{
    /// <inheritdoc />
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var s = reader.ValueSpan;
        return new YearMonth(PlainLocalDateConverter.D(s, 0, 4), PlainLocalDateConverter.D(s, 5, 2));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue($"{value.Year:D4}-{value.Month:D2}");
}
