using System;
using System.Threading;
using ChiBo.Text;

namespace ChiBo.Evaluation;

/// <summary>
/// A finding and its facts, made when first read: an answer states a finding for every failed check, violation and
/// deadline, and a caller who reads none of them (a batch, a count) should not pay for their words. Two compare equal
/// when their texts and facts are equal (reading them), so that answers stay equal by value.
/// </summary>
internal sealed class DeferredFinding : IEquatable<DeferredFinding>
{
    private readonly Lazy<(LocalizedText? Text, FactValues? Facts)> value;

    /// <summary>A finding made by <paramref name="make"/> at its first read (once, whichever thread reads first).</summary>
    public DeferredFinding(Func<(LocalizedText? Text, FactValues? Facts)> make) =>
        value = new Lazy<(LocalizedText?, FactValues?)>(make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A finding already made.</summary>
    public DeferredFinding(LocalizedText? text, FactValues? facts) =>
        value = new Lazy<(LocalizedText?, FactValues?)>((text, facts));

    /// <summary>The text.</summary>
    public LocalizedText? Text => value.Value.Text;

    /// <summary>The facts.</summary>
    public FactValues? Facts => value.Value.Facts;

    /// <inheritdoc />
    public bool Equals(DeferredFinding? other) =>
        other is not null && Nullable.Equals(Text, other.Text) && Equals(Facts, other.Facts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DeferredFinding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Facts);
}
