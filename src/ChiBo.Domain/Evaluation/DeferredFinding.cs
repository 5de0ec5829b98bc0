using System;
using ChiBo.Text;

namespace ChiBo.Evaluation;

/// <summary>
/// A finding and its facts, made when first read: an answer states a finding for every failed check, violation and
/// deadline, and a caller who reads none of them (a batch, a count) should not pay for their words. Two compare equal
/// when their texts and facts are equal (reading them), so that answers stay equal by value.
/// </summary>
internal sealed class DeferredFinding : IEquatable<DeferredFinding>
{
    // Made once, under the lock, by whichever thread reads first (what Lazy's ExecutionAndPublication does, without its
    // two objects per finding: an answer has several findings and a sweep a million answers).
    private FindingSource? make;
    private (LocalizedText? Text, FactValues? Facts) value;
    private volatile bool made;

    /// <summary>A finding made by <paramref name="make"/> at its first read (once, whichever thread reads first).</summary>
    public DeferredFinding(Func<(LocalizedText? Text, FactValues? Facts)> make) => this.make = new FuncSource(make);

    /// <summary>A finding made by <paramref name="source"/> at its first read (once, whichever thread reads first).</summary>
    public DeferredFinding(FindingSource source) => make = source;

    /// <summary>
    /// What will make the finding while it is not made yet, else null: a writer that only writes the finding (the
    /// sweep's answer writer) can write it straight from its source without making its strings and facts. Whatever the
    /// source writes must be what <see cref="FindingSource.Make"/> makes.
    /// </summary>
    public FindingSource? Unmade => made ? null : make;

    /// <summary>A finding already made.</summary>
    public DeferredFinding(LocalizedText? text, FactValues? facts)
    {
        value = (text, facts);
        made = true;
    }

    /// <summary>The text.</summary>
    public LocalizedText? Text => Value.Text;

    /// <summary>The facts.</summary>
    public FactValues? Facts => Value.Facts;

    private (LocalizedText? Text, FactValues? Facts) Value
    {
        get
        {
            if (!made)
            {
                Make();
            }

            return value;
        }
    }

    private void Make()
    {
        lock (this)
        {
            if (!made)
            {
                value = make!.Make();
                make = null;
                made = true;
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(DeferredFinding? other) =>
        other is not null && Nullable.Equals(Text, other.Text) && Equals(Facts, other.Facts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DeferredFinding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Facts);
}

/// <summary>What makes a deferred finding: its text and facts, made once at the first read (see <see cref="DeferredFinding"/>).</summary>
internal abstract class FindingSource
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
