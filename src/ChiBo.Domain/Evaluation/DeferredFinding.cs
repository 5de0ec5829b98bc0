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
    private Func<(LocalizedText? Text, FactValues? Facts)>? make;
    private (LocalizedText? Text, FactValues? Facts) value;
    private volatile bool made;

    /// <summary>A finding made by <paramref name="make"/> at its first read (once, whichever thread reads first).</summary>
    public DeferredFinding(Func<(LocalizedText? Text, FactValues? Facts)> make) => this.make = make;

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
                value = make!();
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
