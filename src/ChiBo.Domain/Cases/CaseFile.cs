using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChiBo.Utility;

namespace ChiBo.Cases;

/// <summary>
/// The case file (hồ sơ) of one person in one cell: who, where, and the dated history of events.
/// This is the interchange document of the contract (<c>*.case.json</c>); read and write it with
/// <see cref="CaseFileSerializer"/>. Immutable; equality compares every field, the events in file order,
/// and <see cref="Extensions"/> structurally.
/// </summary>
public sealed class CaseFile : IEquatable<CaseFile>
{
    /// <summary>The only format version this library reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Creates a case file.</summary>
    /// <param name="formatVersion">Must be <see cref="CurrentFormatVersion"/>.</param>
    /// <param name="person">The person.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="events">The history, in file order (any date order).</param>
    /// <param name="extensions">A JSON object kept and written back untouched, or null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The version is not supported, or extensions is not a JSON object.</exception>
    [JsonConstructor]
    public CaseFile(int formatVersion, Person person, Cell cell, ImmutableArray<CaseEvent> events, JsonElement? extensions = null)
    {
        Preconditions.CheckArgument(formatVersion == CurrentFormatVersion, nameof(formatVersion),
            $"formatVersion must be {CurrentFormatVersion}, not {formatVersion}");
        Preconditions.CheckArgument(extensions is null || extensions.Value.ValueKind == JsonValueKind.Object,
            nameof(extensions), "extensions must be a JSON object");
        FormatVersion = formatVersion;
        Person = Preconditions.CheckNotNull(person, nameof(person));
        Cell = Preconditions.CheckNotNull(cell, nameof(cell));
        Events = events.IsDefault ? ImmutableArray<CaseEvent>.Empty : events;
        Preconditions.CheckArgument(Events.All(e => e is not null), nameof(events), "events must not contain null");
        Extensions = extensions?.Clone();
    }

    /// <summary>Creates a case file of the current format version.</summary>
    /// <param name="person">The person.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="events">The history, in file order.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public CaseFile(Person person, Cell cell, params CaseEvent[] events)
        : this(CurrentFormatVersion, person, cell, [.. Preconditions.CheckNotNull(events, nameof(events))])
    {
    }

    /// <summary>
    /// The JSON Schema the file names (<c>"$schema": "../../rules/schema/case.schema.json"</c>), for editors that check
    /// as one types; kept and written back as it was, and never used by the reader. Null when absent.
    /// </summary>
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    /// <summary>The format version, always <see cref="CurrentFormatVersion"/>.</summary>
    public int FormatVersion { get; }

    /// <summary>
    /// Whether the reader already checked this very instance against its bounds (<see cref="CaseFileSerializer.Validate"/>),
    /// so that <see cref="Evaluation.CaseEvaluator"/> does not check it a second time. Set only by the reader, on the
    /// instance it returns; every copy (<see cref="WithEvent"/>, a case built in code) is checked again.
    /// </summary>
    [JsonIgnore]
    internal bool IsValidated { get; set; }

    /// <summary>The person the case is about.</summary>
    public Person Person { get; }

    /// <summary>The cell developing the person.</summary>
    public Cell Cell { get; }

    /// <summary>The events in file order. Their index here is the event index in errors and violations.</summary>
    public ImmutableArray<CaseEvent> Events { get; }

    /// <summary>Host data under <c>extensions</c>: a JSON object, round-tripped untouched; null when absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Extensions { get; }

    /// <summary>
    /// Returns a copy with one more event appended at the end of the file — <b>without any check</b>: neither whether the
    /// event can follow the case's stage, nor the bounds the reader enforces. To record an event a cell reports, use
    /// <see cref="Lifecycle.CaseLifecycle.TryAppend"/>, which refuses what cannot happen and says why.
    /// </summary>
    /// <param name="caseEvent">The event to append.</param>
    /// <returns>A new case file; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseEvent"/> is null.</exception>
    public CaseFile WithEvent(CaseEvent caseEvent) =>
        new(FormatVersion, Person, Cell, Events.Add(Preconditions.CheckNotNull(caseEvent, nameof(caseEvent))), Extensions) { Schema = Schema };

    /// <summary>Returns a copy with the given events in place of the history.</summary>
    /// <param name="events">The new history, in file order.</param>
    /// <returns>A new case file; this one is unchanged.</returns>
    public CaseFile WithEvents(ImmutableArray<CaseEvent> events) => new(FormatVersion, Person, Cell, events, Extensions) { Schema = Schema };

    /// <inheritdoc />
    public bool Equals(CaseFile? other) =>
        other is not null
        && FormatVersion == other.FormatVersion
        && Schema == other.Schema
        && Person == other.Person
        && Cell == other.Cell
        && Events.SequenceEqual(other.Events)
        && (Extensions is null
            ? other.Extensions is null
            : other.Extensions is not null && JsonElement.DeepEquals(Extensions.Value, other.Extensions.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CaseFile);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Person, Cell, Events.Length);

    /// <summary>Returns the person's id, name and number of events.</summary>
    /// <returns>A short description for logs.</returns>
    public override string ToString() => $"{Person.Id} ({Person.FullName}), {Events.Length} events";
}
