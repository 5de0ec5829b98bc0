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
    // A rule reads a handful of names: they are looked up in order, and only a long list gets a dictionary (made when
    // first needed), so that the facts of a finding cost one array.
    private const int Scanned = 16;

    private readonly KeyValuePair<string, object>[] values;
    private Dictionary<string, object>? byName;

    /// <summary>Creates the values, in the given order; a name given twice keeps its first value.</summary>
    /// <param name="values">The names and values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/>, a name or a value is null.</exception>
    public FactValues(IEnumerable<KeyValuePair<string, object>> values)
    {
        Utility.Preconditions.CheckNotNull(values, nameof(values));
        var list = new List<KeyValuePair<string, object>>();
        HashSet<string>? seen = null;
        foreach (var (name, value) in values)
        {
            Utility.Preconditions.CheckNotNull(name, nameof(values));
            Utility.Preconditions.CheckNotNull(value, nameof(values));
            if (seen is null && list.Count == Scanned)
            {
                seen = new HashSet<string>(list.ConvertAll(v => v.Key), StringComparer.Ordinal);
            }

            if (seen is not null ? seen.Add(name) : IndexOf(list, name) < 0)
            {
                list.Add(new(name, value));
            }
        }

        this.values = [.. list];
    }

    /// <inheritdoc />
    public object this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The fact '{key}' is not among the values.");

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
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        Utility.Preconditions.CheckNotNull(key, nameof(key));
        if (values.Length > Scanned)
        {
            return (byName ??= new Dictionary<string, object>(values, StringComparer.Ordinal)).TryGetValue(key, out value);
        }

        foreach (var (name, known) in values)
        {
            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                value = known;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static int IndexOf(List<KeyValuePair<string, object>> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

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
