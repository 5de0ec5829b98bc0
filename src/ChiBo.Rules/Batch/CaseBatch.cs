using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Serialization;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Rules.Batch;

/// <summary>
/// A sweep of many cases: NDJSON case files in (one compact <c>*.case.json</c> document a line), one answer a line out,
/// in the order of the input. The lines are read in chunks by one reader, judged in parallel on every core, and handed
/// back in order through a bounded window, so that memory stays the same whatever the number of lines: at most a few
/// chunks are in flight. A line that cannot be read or evaluated never stops the sweep: its answer is its errors, with
/// its line number. Empty lines are skipped (they still count as lines). The evaluation is pure, so a larger sweep is
/// split between processes or machines by lines, and their outputs concatenated (docs/performance.md).
/// </summary>
public static class CaseBatch
{
    /// <summary>
    /// Evaluates every line of NDJSON case files on a date, handing back one result per non-empty line, in input order.
    /// </summary>
    /// <param name="ndjson">UTF-8 NDJSON: one case file per line; read to its end, not closed.</param>
    /// <param name="evaluator">The evaluator (shared by every worker; it is thread-safe).</param>
    /// <param name="asOf">The date of the question, for every case.</param>
    /// <param name="options">Parallelism, limits and callbacks; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The results, in the order of the lines.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async IAsyncEnumerable<CaseBatchResult> EvaluateAsync(
        Stream ndjson, CaseEvaluator evaluator, LocalDate asOf, CaseBatchOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(ndjson, nameof(ndjson));
        Preconditions.CheckNotNull(evaluator, nameof(evaluator));
        var sweep = new Sweep(ndjson, evaluator, asOf, options ?? new CaseBatchOptions(), writeAnswers: false);
        await foreach (var outcome in sweep.RunAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var result in outcome.Results!)
            {
                yield return result;
            }

            outcome.Return();
        }
    }

    /// <summary>
    /// Evaluates every line of NDJSON case files on a date and writes one NDJSON line per non-empty input line, in input
    /// order: <c>{"line":N,"answer":{…}}</c> (the answer is the document of <c>chibo evaluate --json</c>, compact) or
    /// <c>{"line":N,"errors":[{"code","message","path"}…]}</c> — the format of ChiBo.Server's <c>/v1/evaluate/batch</c>.
    /// The answers are serialised by the workers, in parallel.
    /// </summary>
    /// <param name="ndjson">UTF-8 NDJSON: one case file per line; read to its end, not closed.</param>
    /// <param name="answers">Where the answers go; written in chunks, flushed at the end, not closed.</param>
    /// <param name="evaluator">The evaluator (shared by every worker; it is thread-safe).</param>
    /// <param name="asOf">The date of the question, for every case.</param>
    /// <param name="options">Parallelism, limits and callbacks; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The sweep's counts: lines, answers, unreadable lines, cases by stage, overdue deadlines, violations.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<CaseBatchSummary> WriteAnswersAsync(
        Stream ndjson, Stream answers, CaseEvaluator evaluator, LocalDate asOf, CaseBatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(ndjson, nameof(ndjson));
        Preconditions.CheckNotNull(answers, nameof(answers));
        Preconditions.CheckNotNull(evaluator, nameof(evaluator));
        var sweep = new Sweep(ndjson, evaluator, asOf, options ?? new CaseBatchOptions(), writeAnswers: true);
        var summary = new CaseBatchSummary();
        await foreach (var outcome in sweep.RunAsync(cancellationToken).ConfigureAwait(false))
        {
            await answers.WriteAsync(outcome.Output!.WrittenMemory, cancellationToken).ConfigureAwait(false);
            summary.Add(outcome.Tally, outcome.Chunk.LastLine, outcome.Chunk.BytesEnd);
            if (outcome.Unreadable is { } unreadable && sweep.Options.Unreadable is { } report)
            {
                unreadable.ForEach(report);
            }

            sweep.Options.Progress?.Report(new CaseBatchProgress(summary.Lines, summary.Bytes, summary.Answers));
            outcome.Return();
        }

        await answers.FlushAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>One sweep: the reader, the workers and the ordered window between them.</summary>
    private sealed class Sweep(Stream input, CaseEvaluator evaluator, LocalDate asOf, CaseBatchOptions options, bool writeAnswers)
    {
        // The answer buffers of the chunks in flight, reused: the sweep allocates no large buffer per chunk.
        private readonly System.Collections.Concurrent.ConcurrentQueue<ArrayBufferWriter<byte>> outputs = new();

        public CaseBatchOptions Options => options;

        public void ReturnOutput(ArrayBufferWriter<byte> output)
        {
            output.ResetWrittenCount();
            outputs.Enqueue(output);
        }

        private ArrayBufferWriter<byte> RentOutput() => outputs.TryDequeue(out var output) ? output : new ArrayBufferWriter<byte>(1 << 20);

        public async IAsyncEnumerable<ChunkOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var degree = Math.Max(1, options.MaxDegreeOfParallelism);
            var window = Channel.CreateBounded<Task<ChunkOutcome>>(new BoundedChannelOptions(degree * 2) { SingleReader = true, SingleWriter = true });
            using var workers = new SemaphoreSlim(degree);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reader = Task.Run(() => ReadChunksAsync(window.Writer, workers, stop.Token), stop.Token);
            try
            {
                await foreach (var next in window.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    yield return await next.ConfigureAwait(false);
                }

                await reader.ConfigureAwait(false);
            }
            finally
            {
                stop.Cancel();
                try
                {
                    await reader.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        private async Task ReadChunksAsync(ChannelWriter<Task<ChunkOutcome>> window, SemaphoreSlim workers, CancellationToken cancellationToken)
        {
            Exception? failure = null;
            try
            {
                var splitter = new LineSplitter(input, options);
                await foreach (var chunk in splitter.ChunksAsync(cancellationToken).ConfigureAwait(false))
                {
                    await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
                    var work = Task.Run(() =>
                    {
                        try
                        {
                            return Judge(chunk);
                        }
                        finally
                        {
                            workers.Release();
                        }
                    }, CancellationToken.None);
                    await window.WriteAsync(work, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                window.TryComplete(failure);
            }
        }

        private ChunkOutcome Judge(Chunk chunk)
        {
            var outcome = new ChunkOutcome(chunk, writeAnswers ? RentOutput() : null, writeAnswers ? null : new CaseBatchResult[chunk.Count], this);
            Utf8JsonWriter? json = writeAnswers ? new Utf8JsonWriter(outcome.Output!, new JsonWriterOptions { Encoder = ChiBoJson.CompactOptions.Encoder, SkipValidation = true }) : null;
            for (var i = 0; i < chunk.Count; i++)
            {
                var number = chunk.Lines[i];
                var result = chunk.Lengths[i] < 0
                    ? new CaseBatchResult(number, null, [new CaseFileError("file.tooLarge", $"the line is over {options.MaxLineBytes} bytes", Where(number), Path: "$")])
                    : JudgeLine(chunk.Data.AsSpan(chunk.Starts[i], chunk.Lengths[i]), number);
                outcome.Tally.Add(result);
                if (!result.IsValid)
                {
                    (outcome.Unreadable ??= []).Add(result);
                }

                if (json is not null)
                {
                    WriteLine(json, outcome.Output!, result);
                }
                else
                {
                    outcome.Results![i] = result;
                }
            }

            json?.Dispose();
            chunk.ReturnData();
            return outcome;
        }

        private CaseBatchResult JudgeLine(ReadOnlySpan<byte> line, long number)
        {
            var read = CaseFileSerializer.Read(line);
            if (!read.IsValid)
            {
                return new CaseBatchResult(number, null, Located(read.Errors, number));
            }

            var evaluation = evaluator.Evaluate(read.Value, asOf);
            return evaluation.Value is { } answer
                ? new CaseBatchResult(number, answer, [])
                : new CaseBatchResult(number, null, Located(evaluation.Errors, number));
        }

        private string Where(long number) => options.SourceName is { } source ? $"{source}, line {number}" : $"line {number}";

        private CaseFileError[] Located(IReadOnlyList<CaseFileError> errors, long number)
        {
            var where = Where(number);
            var located = new CaseFileError[errors.Count];
            for (var i = 0; i < located.Length; i++)
            {
                located[i] = errors[i] with { File = where };
            }

            return located;
        }

        private static void WriteLine(Utf8JsonWriter json, ArrayBufferWriter<byte> output, CaseBatchResult result)
        {
            json.Reset(output);
            json.WriteStartObject();
            json.WriteNumber("line"u8, result.Line);
            if (result.Answer is { } answer)
            {
                json.WritePropertyName("answer"u8);
                AnswerWriter.Write(json, answer);
            }
            else
            {
                json.WriteStartArray("errors"u8);
                foreach (var error in result.Errors)
                {
                    json.WriteStartObject();
                    json.WriteString("code"u8, error.Code);
                    json.WriteString("message"u8, error.ToString());
                    json.WriteString("path"u8, error.Path);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.Flush();
            output.Write("\n"u8);
        }
    }

    /// <summary>Splits the input into chunks of lines, each line copied once into the chunk's pooled buffer.</summary>
    private sealed class LineSplitter(Stream input, CaseBatchOptions options)
    {
        private const int ChunkBytes = 1 << 20;

        private Chunk? current;

        public async IAsyncEnumerable<Chunk> ChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var max = Math.Max(1, options.MaxLineBytes);
            var perChunk = Math.Max(1, options.LinesPerChunk);
            var buffer = new byte[Math.Min(max + 1, 1 << 20)];
            int start = 0, end = 0;
            long line = 0, consumed = 0;
            var skipping = false;
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    else
                    {
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, max + 1L));
                    }
                }

                var room = buffer.Length - end;
                var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                var last = read == 0;
                end += read;
                while (true)
                {
                    var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    if (skipping)
                    {
                        // The end of a line over the limit, already counted and reported.
                        skipping = false;
                    }
                    else if (++line > 0 && Add(buffer.AsSpan(start, newline), line, perChunk) is { } full)
                    {
                        full.BytesEnd = consumed + start + newline + 1;
                        yield return full;
                    }

                    start += newline + 1;
                }

                // A short read: the input has no more for now (a request body, a pipe), so what is read is judged at
                // once rather than waiting for a full chunk. A file fills the buffer and keeps its chunks full.
                if (!last && read < room && current is { Count: > 0 } waiting)
                {
                    waiting.BytesEnd = consumed + start;
                    current = null;
                    yield return waiting;
                }

                if (!skipping && end - start > max)
                {
                    // A line over the limit: reported once, its bytes dropped up to its end.
                    line++;
                    if (AddTooLong(line, perChunk) is { } full)
                    {
                        full.BytesEnd = consumed + end;
                        yield return full;
                    }

                    skipping = true;
                }

                if (skipping)
                {
                    consumed += end;
                    start = end = 0;
                }
                else if (start == end)
                {
                    consumed += end;
                    start = end = 0;
                }
                else if (start > 0 && end == buffer.Length)
                {
                    consumed += start;
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (last)
                {
                    if (end > start && !skipping)
                    {
                        line++;
                        if (Add(buffer.AsSpan(start, end - start), line, perChunk) is { } full)
                        {
                            full.BytesEnd = consumed + start;
                            yield return full;
                        }
                    }

                    if (current is { Count: > 0 } rest)
                    {
                        rest.BytesEnd = consumed + end;
                        current = null;
                        yield return rest;
                    }

                    yield break;
                }
            }
        }

        // Adds a line to the current chunk; returns the chunk when it is full (then a new one is started).
        private Chunk? Add(ReadOnlySpan<byte> line, long number, int perChunk)
        {
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
            {
                return null;
            }

            Chunk? full = null;
            if (current is not null && current.Free < line.Length)
            {
                full = current;
                current = null;
            }

            current ??= new Chunk(Math.Max(ChunkBytes, line.Length), perChunk);
            current.Add(line, number);
            if (full is null && current.Count == perChunk)
            {
                full = current;
                current = null;
            }

            return full;
        }

        private Chunk? AddTooLong(long number, int perChunk)
        {
            current ??= new Chunk(ChunkBytes, perChunk);
            current.AddTooLong(number);
            if (current.Count == perChunk)
            {
                var full = current;
                current = null;
                return full;
            }

            return null;
        }
    }

    /// <summary>Lines of the input: their bytes in one pooled buffer, their numbers and places.</summary>
    private sealed class Chunk(int bytes, int lines)
    {
        private int used;

        public byte[] Data { get; private set; } = ArrayPool<byte>.Shared.Rent(bytes);

        public int[] Starts { get; } = new int[Math.Min(lines, 4096)];

        public int[] Lengths { get; } = new int[Math.Min(lines, 4096)];

        public long[] Lines { get; } = new long[Math.Min(lines, 4096)];

        public int Count { get; private set; }

        public int Length => used;

        public long LastLine => Count > 0 ? Lines[Count - 1] : 0;

        public long BytesEnd { get; set; }

        public int Free => Count == Starts.Length ? -1 : Data.Length - used;

        public void Add(ReadOnlySpan<byte> line, long number)
        {
            line.CopyTo(Data.AsSpan(used));
            Starts[Count] = used;
            Lengths[Count] = line.Length;
            Lines[Count++] = number;
            used += line.Length;
        }

        public void AddTooLong(long number)
        {
            Starts[Count] = used;
            Lengths[Count] = -1;
            Lines[Count++] = number;
        }

        public void ReturnData()
        {
            ArrayPool<byte>.Shared.Return(Data);
            Data = [];
        }
    }

    private sealed class ChunkOutcome(Chunk chunk, ArrayBufferWriter<byte>? output, CaseBatchResult[]? results, Sweep sweep)
    {
        public Chunk Chunk => chunk;

        public ArrayBufferWriter<byte>? Output => output;

        public CaseBatchResult[]? Results => results;

        public Tally Tally { get; } = new();

        public List<CaseBatchResult>? Unreadable { get; set; }

        public void Return()
        {
            if (output is not null)
            {
                sweep.ReturnOutput(output);
            }
        }
    }

    /// <summary>The counts of one chunk, added to the summary in order.</summary>
    internal sealed class Tally
    {
        public long Answers;
        public long Unreadable;
        public long OverdueDeadlines;
        public long CasesWithOverdueDeadlines;
        public long Violations;
        public long CasesWithViolations;
        public long[] ByStage = new long[Enum.GetValues<Stage>().Length];

        public void Add(CaseBatchResult result)
        {
            if (result.Answer is not { } answer)
            {
                Unreadable++;
                return;
            }

            Answers++;
            ByStage[(int)answer.Stage]++;
            var overdue = 0;
            foreach (var deadline in answer.Deadlines)
            {
                if (deadline.Status == DeadlineStatus.Overdue)
                {
                    overdue++;
                }
            }

            OverdueDeadlines += overdue;
            CasesWithOverdueDeadlines += overdue > 0 ? 1 : 0;
            Violations += answer.Violations.Count;
            CasesWithViolations += answer.Violations.Count > 0 ? 1 : 0;
        }
    }
}
