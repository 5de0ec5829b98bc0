using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;

namespace ChiBo.Rules.Batch;

/// <summary>How a <see cref="CaseBatch"/> sweep runs.</summary>
public sealed record CaseBatchOptions
{
    /// <summary>How many chunks are judged at once; by default one per core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest line accepted, in bytes; a longer one is refused (<c>file.tooLarge</c>) and skipped. The case file's limit by default.</summary>
    public int MaxLineBytes { get; init; } = CaseFileSerializer.MaxFileBytes;

    /// <summary>How many lines a worker judges at a time (at most 4,096): the unit of parallel work and of the memory in flight.</summary>
    public int LinesPerChunk { get; init; } = 256;

    /// <summary>The name of the input shown in errors (<c>SOURCE, line N</c>); null for <c>line N</c>.</summary>
    public string? SourceName { get; init; }

    /// <summary>Told of every unreadable line, in input order, on the thread that writes the answers.</summary>
    public Action<CaseBatchResult>? Unreadable { get; init; }

    /// <summary>Told after every chunk written, with the lines, bytes and answers so far.</summary>
    public IProgress<CaseBatchProgress>? Progress { get; init; }
}

/// <summary>The answer to one line of a sweep: the evaluation, or the errors that prevented it (never both).</summary>
/// <param name="Line">The line's number in the input, from 1.</param>
/// <param name="Answer">The evaluation, or null.</param>
/// <param name="Errors">Why the line has no answer (reading or evaluating), each naming the line; empty with an answer.</param>
public sealed record CaseBatchResult(long Line, CaseEvaluation? Answer, IReadOnlyList<CaseFileError> Errors)
{
    /// <summary>Whether the line was answered.</summary>
    [MemberNotNullWhen(true, nameof(Answer))]
    public bool IsValid => Answer is not null;
}

/// <summary>How far a sweep has got.</summary>
/// <param name="Lines">Lines read so far (empty lines included).</param>
/// <param name="Bytes">Bytes of input consumed so far.</param>
/// <param name="Answers">Lines answered so far.</param>
public readonly record struct CaseBatchProgress(long Lines, long Bytes, long Answers);

/// <summary>The counts of a sweep written by <see cref="CaseBatch.WriteAnswersAsync"/>.</summary>
public sealed class CaseBatchSummary
{
    private readonly long[] byStage = new long[Enum.GetValues<Stage>().Length];

    /// <summary>Lines read (empty lines included).</summary>
    public long Lines { get; private set; }

    /// <summary>Bytes of input read.</summary>
    public long Bytes { get; private set; }

    /// <summary>Lines answered.</summary>
    public long Answers { get; private set; }

    /// <summary>Lines that could not be read or evaluated.</summary>
    public long Unreadable { get; private set; }

    /// <summary>Deadlines overdue on the date, over all answers.</summary>
    public long OverdueDeadlines { get; private set; }

    /// <summary>Answers with at least one overdue deadline.</summary>
    public long CasesWithOverdueDeadlines { get; private set; }

    /// <summary>Violations found, over all answers.</summary>
    public long Violations { get; private set; }

    /// <summary>Answers with at least one violation.</summary>
    public long CasesWithViolations { get; private set; }

    /// <summary>How many answers stand at each stage (stages with none left out), in the stages' order.</summary>
    public IReadOnlyList<KeyValuePair<Stage, long>> ByStage
    {
        get
        {
            var list = new List<KeyValuePair<Stage, long>>();
            for (var i = 0; i < byStage.Length; i++)
            {
                if (byStage[i] > 0)
                {
                    list.Add(new((Stage)i, byStage[i]));
                }
            }

            return list;
        }
    }

    internal void Add(CaseBatch.Tally tally, long lastLine, long bytesEnd)
    {
        Lines = Math.Max(Lines, lastLine);
        Bytes = Math.Max(Bytes, bytesEnd);
        Answers += tally.Answers;
        Unreadable += tally.Unreadable;
        OverdueDeadlines += tally.OverdueDeadlines;
        CasesWithOverdueDeadlines += tally.CasesWithOverdueDeadlines;
        Violations += tally.Violations;
        CasesWithViolations += tally.CasesWithViolations;
        for (var i = 0; i < byStage.Length; i++)
        {
            byStage[i] += tally.ByStage[i];
        }
    }
}
