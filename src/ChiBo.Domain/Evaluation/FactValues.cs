using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace ChiBo.Evaluation;

/// <summary>
/// The named values that decided a rule (<see cref="RuleCheck.Facts"/>, <see cref="RuleViolation.Facts"/>): each name
/// of the rule language or a computed fact (<c>vote.inFavour</c>, <c>vote.needed</c>, <c>ceremony.due</c>…) with its
/// value, an <see cref="int"/>, a <see cref="bool"/> or a <see cref="NodaTime.LocalDate"/>, in the order first read.
/// Immutable; two are equal when they hold the same names with equal values in the same order, so that two answers
/// about the same case compare equal. Written in JSON as an object.
/// </summary>
public sealed class FactValues : IReadOnlyDictionary<string, object>, IEquatable<FactValues>
{
    private readonly KeyValuePair<string, object>[] values;
    private readonly Dictionary<string, object> byName;

    /// <summary>Creates the values, in the given order; a name given twice keeps its first value.</summary>
    /// <param name="values">The names and values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/>, a name or a value is null.</exception>
    public FactValues(IEnumerable<KeyValuePair<string, object>> values)
    {
        Utility.Preconditions.CheckNotNull(values, nameof(values));
        var list = new List<KeyValuePair<string, object>>();
        byName = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            Utility.Preconditions.CheckNotNull(name, nameof(values));
            Utility.Preconditions.CheckNotNull(value, nameof(values));
            if (byName.TryAdd(name, value))
            {
                list.Add(new(name, value));
            }
        }

        this.values = [.. list];
    }

    /// <inheritdoc />
    public object this[string key] => byName[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in values)
            {
                yield return pair.Key;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<object> Values
    {
        get
        {
            foreach (var pair in values)
            {
                yield return pair.Value;
            }
        }
    }

    /// <inheritdoc />
    public int Count => values.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => byName.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => byName.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object>>)values).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether the other holds the same names with equal values in the same order.</summary>
    /// <param name="other">The other values.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FactValues? other)
    {
        if (other is null || other.values.Length != values.Length)
        {
            return false;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!string.Equals(values[i].Key, other.values[i].Key, StringComparison.Ordinal) || !values[i].Value.Equals(other.values[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FactValues);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in values)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns e.g. <c>vote.inFavour = 8, vote.fullMembers = 15</c>.</summary>
    /// <returns>The names and values.</returns>
    public override string ToString() => string.Join(", ", Array.ConvertAll(values, v => $"{v.Key} = {v.Value}"));
}
