using System;
using ChiBo.Text;

namespace ChiBo.Evaluation;

/// <summary>
/// A finding and its facts, made when first read: an answer states a finding for every failed check, violation and
/// deadline, and a caller who reads none of them (a batch, a count) should not pay for their words. Two compare equal
/// when their texts and facts are equal (reading them), so that answers stay equal by value. A finding not made yet is
/// its own <see cref="FindingSource"/> (one object per finding, not a source and a holder).
/// </summary>
internal class DeferredFinding : IEquatable<DeferredFinding>
{
    // Made once, under the lock, by whichever thread reads first (what Lazy's ExecutionAndPublication does, without its
    // two objects per finding: an answer has several findings and a sweep a million answers). One field: the source
    // (this object, for a FindingSource) until made, then the made value; most findings of a sweep are never made.
    private volatile object? state;

    /// <summary>A finding that a <see cref="FindingSource"/> (this object) makes at its first read.</summary>
    private protected DeferredFinding() => state = this;

    /// <summary>
    /// What will make the finding while it is not made yet, else null: a writer that only writes the finding (the
    /// sweep's answer writer) can write it straight from its source without making its strings and facts. Whatever the
    /// source writes must be what <see cref="FindingSource.Make"/> makes.
    /// </summary>
    public FindingSource? Unmade => state as FindingSource;

    /// <summary>A finding already made.</summary>
    public DeferredFinding(LocalizedText? text, FactValues? facts) => state = new Made(text, facts);

    /// <summary>The text (made at the first read).</summary>
    public LocalizedText? MadeText => Value.Text;

    /// <summary>The facts (made at the first read).</summary>
    public FactValues? MadeFacts => Value.Facts;

    private Made Value => state as Made ?? Make();

    private Made Make()
    {
        lock (this)
        {
            if (state is FindingSource source)
            {
                var (text, facts) = source.Make();
                state = new Made(text, facts);
            }

            return (Made)state!;
        }
    }

    /// <summary>A finding made.</summary>
    private sealed class Made(LocalizedText? text, FactValues? facts)
    {
        public LocalizedText? Text { get; } = text;

        public FactValues? Facts { get; } = facts;
    }

    /// <inheritdoc />
    public bool Equals(DeferredFinding? other) =>
        other is not null && Nullable.Equals(MadeText, other.MadeText) && Equals(MadeFacts, other.MadeFacts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DeferredFinding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MadeText, MadeFacts);
}

/// <summary>
/// What makes a deferred finding, and the finding itself: its text and facts, made once at the first read (see
/// <see cref="DeferredFinding"/>).
/// </summary>
internal abstract class FindingSource : DeferredFinding
{
    /// <summary>The text and facts; called once.</summary>
    public abstract (LocalizedText? Text, FactValues? Facts) Make();
}

/// <summary>A finding made by a function.</summary>
internal sealed class FuncSource(Func<(LocalizedText? Text, FactValues? Facts)> make) : FindingSource
{
    /// <inheritdoc />
    public override (LocalizedText? Text, FactValues? Facts) Make() => make();
}
