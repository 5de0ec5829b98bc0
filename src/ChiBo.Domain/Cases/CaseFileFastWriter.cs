using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChiBo.Serialization;
using NodaTime;

namespace ChiBo.Cases;

/// <summary>
/// A hand-written <see cref="Utf8JsonWriter"/> pass over the case types — the fast path of
/// <see cref="CaseFileSerializer.Write"/> (issue 17). It writes byte for byte what
/// <c>JsonSerializer.Serialize(caseFile, ChiBoJson.Options)</c> writes: the same writer options (indented by two spaces,
/// the relaxed encoder), the properties in System.Text.Json's order (an event's <c>type</c> first, then its own
/// properties, its <c>date</c> last), the same ignore conditions, and UTF-8 constants for the property names and enum
/// values. It never guesses: on anything rare or that System.Text.Json would refuse — non-empty <c>extensions</c>, an
/// enum value without a name, a null where the type says non-null, an event type it does not know,
/// a month of a negative year — it gives up and the caller writes the file with System.Text.Json, which then writes it
/// (or throws) as before. And when the shape of a case type is not the one this writer knows (a property added,
/// renamed, moved, or an enum name spelt otherwise), <see cref="Enabled"/> is false and every file goes through
/// System.Text.Json, so that only speed is lost; <c>CaseFileFastWriterTests</c> fails in that case.
/// </summary>
internal static class CaseFileFastWriter
{
    private const int MaxRetainedBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Options = ChiBoJson.Options;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        MaxDepth = Options.MaxDepth,
        SkipValidation = true,
    };

    // Property names, encoded once with the options' encoder.
    private static class P
    {
        public static readonly JsonEncodedText Schema = Name("$schema");
        public static readonly JsonEncodedText FormatVersion = Name("formatVersion");
        public static readonly JsonEncodedText PersonName = Name("person");
        public static readonly JsonEncodedText CellName = Name("cell");
        public static readonly JsonEncodedText Events = Name("events");
        public static readonly JsonEncodedText Extensions = Name("extensions");
        public static readonly JsonEncodedText Id = Name("id");
        public static readonly JsonEncodedText FullName = Name("fullName");
        public static readonly JsonEncodedText BirthDate = Name("birthDate");
        public static readonly JsonEncodedText SexName = Name("sex");
        public static readonly JsonEncodedText OccupationName = Name("occupation");
        public static readonly JsonEncodedText EducationLevelName = Name("educationLevel");
        public static readonly JsonEncodedText YouthUnionMemberSince = Name("youthUnionMemberSince");
        public static readonly JsonEncodedText TradeUnionMemberSince = Name("tradeUnionMemberSince");
        public static readonly JsonEncodedText ReligionName = Name("religion");
        public static readonly JsonEncodedText WorkUnit = Name("workUnit");
        public static readonly JsonEncodedText PreviousMembershipName = Name("previousMembership");
        public static readonly JsonEncodedText AdmissionDecidedName = Name("admissionDecided");
        public static readonly JsonEncodedText Left = Name("left");
        public static readonly JsonEncodedText Reason = Name("reason");
        public static readonly JsonEncodedText RecordClearedOn = Name("recordClearedOn");
        public static readonly JsonEncodedText TimesReadmitted = Name("timesReadmitted");
        public static readonly JsonEncodedText NameName = Name("name");
        public static readonly JsonEncodedText Role = Name("role");
        public static readonly JsonEncodedText Kind = Name("kind");
        public static readonly JsonEncodedText Superior = Name("superior");
        public static readonly JsonEncodedText HasYouthUnion = Name("hasYouthUnion");
        public static readonly JsonEncodedText HasTradeUnion = Name("hasTradeUnion");
        public static readonly JsonEncodedText Changes = Name("changes");
        public static readonly JsonEncodedText From = Name("from");
        public static readonly JsonEncodedText Type = Name("type");
        public static readonly JsonEncodedText Date = Name("date");
        public static readonly JsonEncodedText MemberId = Name("memberId");
        public static readonly JsonEncodedText CertificateNo = Name("certificateNo");
        public static readonly JsonEncodedText Conclusion = Name("conclusion");
        public static readonly JsonEncodedText FullMemberSince = Name("fullMemberSince");
        public static readonly JsonEncodedText WorkedTogetherSince = Name("workedTogetherSince");
        public static readonly JsonEncodedText By = Name("by");
        public static readonly JsonEncodedText Purpose = Name("purpose");
        public static readonly JsonEncodedText InFavour = Name("inFavour");
        public static readonly JsonEncodedText FullMembers = Name("fullMembers");
        public static readonly JsonEncodedText CommitteeMembers = Name("committeeMembers");
        public static readonly JsonEncodedText DecisionNo = Name("decisionNo");
        public static readonly JsonEncodedText Grounds = Name("grounds");
        public static readonly JsonEncodedText MedicalCertificate = Name("medicalCertificate");
        public static readonly JsonEncodedText To = Name("to");
        public static readonly JsonEncodedText WorkingDays = Name("workingDays");
        public static readonly JsonEncodedText Replaces = Name("replaces");
        public static readonly JsonEncodedText Month = Name("month");
        public static readonly JsonEncodedText Excused = Name("excused");
        public static readonly JsonEncodedText Year = Name("year");
        public static readonly JsonEncodedText Rating = Name("rating");
    }

    // An event's "type" value, by kind.
    private static readonly JsonEncodedText[] TypeNames = [.. EventKinds.All.Select(k => Name(EventKinds.JsonName(k)))];

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>
    /// The JSON property names, in order, of every type this writer writes by hand, as it writes them (an event's
    /// <c>type</c> is the discriminator, written before these).
    /// </summary>
    internal static readonly (Type Type, string[] Names)[] Shapes =
    [
        (typeof(CaseFile), ["$schema", "formatVersion", "person", "cell", "events", "extensions"]),
        (typeof(Person), ["id", "fullName", "birthDate", "sex", "occupation", "educationLevel", "youthUnionMemberSince", "tradeUnionMemberSince", "religion", "workUnit", "previousMembership"]),
        (typeof(PreviousMembership), ["admissionDecided", "left", "reason", "recordClearedOn", "timesReadmitted"]),
        (typeof(Religion), ["name", "role"]),
        (typeof(Cell), ["id", "name", "kind", "superior", "hasYouthUnion", "hasTradeUnion", "changes"]),
        (typeof(CellChange), ["from", "kind", "superior", "name"]),
        (typeof(IdentifiedAsSource), ["date"]),
        (typeof(AddedToSympathizerList), ["date"]),
        (typeof(RemovedFromSympathizerList), ["reason", "date"]),
        (typeof(HelperAssigned), ["memberId", "date"]),
        (typeof(AwarenessCourseCompleted), ["certificateNo", "date"]),
        (typeof(ApplicationSubmitted), ["date"]),
        (typeof(BackgroundDeclared), ["date"]),
        (typeof(BackgroundVerified), ["conclusion", "date"]),
        (typeof(IntroducerAssigned), ["memberId", "fullMemberSince", "workedTogetherSince", "date"]),
        (typeof(YouthUnionEndorsed), ["date"]),
        (typeof(TradeUnionEndorsed), ["date"]),
        (typeof(CommentsCollected), ["date"]),
        (typeof(AgeExceptionApproved), ["by", "date"]),
        (typeof(EducationExceptionApproved), ["by", "date"]),
        (typeof(CellVoted), ["purpose", "inFavour", "fullMembers", "date"]),
        (typeof(GrassrootsCommitteeVoted), ["purpose", "inFavour", "committeeMembers", "date"]),
        (typeof(AdmissionDecided), ["decisionNo", "date"]),
        (typeof(AdmissionDecisionReceived), ["date"]),
        (typeof(AdmissionRefused), ["reason", "date"]),
        (typeof(CeremonyDelayApproved), ["date"]),
        (typeof(CeremonyHeld), ["date"]),
        (typeof(SelfReviewSubmitted), ["date"]),
        (typeof(HelperReviewSubmitted), ["date"]),
        (typeof(FullMembershipDecided), ["decisionNo", "date"]),
        (typeof(ProbationaryStruckOff), ["reason", "date"]),
        (typeof(ExemptionGranted), ["reason", "grounds", "medicalCertificate", "date"]),
        (typeof(ExemptionEnded), ["reason", "date"]),
        (typeof(StruckOff), ["reason", "date"]),
        (typeof(Expelled), ["reason", "date"]),
        (typeof(TransferredOut), ["to", "date"]),
        (typeof(DecisionDeadlineExtended), ["purpose", "workingDays", "date"]),
        (typeof(IntroducerReplaced), ["memberId", "replaces", "reason", "fullMemberSince", "date"]),
        (typeof(ReadmissionConsentGiven), ["by", "date"]),
        (typeof(MeetingMissed), ["month", "excused", "date"]),
        (typeof(DuesUnpaid), ["month", "date"]),
        (typeof(YearlyRating), ["year", "rating", "date"]),
        (typeof(PartyCardReturned), ["date"]),
        (typeof(ExemptionReported), ["date"]),
    ];

    /// <summary>
    /// Whether every case type has the shape this writer knows and every enum value is written as System.Text.Json
    /// writes it; when not, every file goes through System.Text.Json. Checked once, on the first write.
    /// </summary>
    internal static bool Enabled => Check.Enabled;

    /// <summary>Writes the case file as <c>JsonSerializer.Serialize(caseFile, ChiBoJson.Options)</c> would, or gives up.</summary>
    /// <param name="caseFile">The case file.</param>
    /// <returns>The JSON text, or null when System.Text.Json must write this file.</returns>
    internal static string? TryWrite(CaseFile caseFile)
    {
        if (!Enabled)
        {
            return null;
        }

        var output = buffer ??= new ArrayBufferWriter<byte>(4096);
        var json = writer ??= new Utf8JsonWriter(output, WriterOptions);
        try
        {
            if (!TryWrite(json, caseFile))
            {
                return null;
            }

            json.Flush();
            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            // Whatever the writer refuses, System.Text.Json decides (and throws its own exception).
            return null;
        }
        finally
        {
            json.Reset();
            if (output.Capacity > MaxRetainedBytes)
            {
                buffer = null;
                writer = null;
            }
            else
            {
                output.ResetWrittenCount();
            }
        }
    }

    /// <summary>Writes the case file into the writer (which must have <see cref="WriterOptions"/>), or gives up.</summary>
    private static bool TryWrite(Utf8JsonWriter json, CaseFile caseFile)
    {
        if (caseFile.Extensions is { } extensions && (extensions.ValueKind != JsonValueKind.Object || extensions.EnumerateObject().Any()))
        {
            return false;
        }

        json.WriteStartObject();
        if (caseFile.Schema is { } schema)
        {
            json.WriteString(P.Schema, schema);
        }

        json.WriteNumber(P.FormatVersion, caseFile.FormatVersion);
        json.WritePropertyName(P.PersonName);
        if (!WritePerson(json, caseFile.Person))
        {
            return false;
        }

        json.WritePropertyName(P.CellName);
        if (!WriteCell(json, caseFile.Cell))
        {
            return false;
        }

        json.WritePropertyName(P.Events);
        json.WriteStartArray();
        foreach (var e in caseFile.Events)
        {
            if (!WriteEvent(json, e))
            {
                return false;
            }
        }

        json.WriteEndArray();
        if (caseFile.Extensions is not null)
        {
            // An empty object (anything else was given up above): what JsonElement.WriteTo writes for it.
            json.WritePropertyName(P.Extensions);
            json.WriteStartObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        return true;
    }

    private static bool WritePerson(Utf8JsonWriter json, Person? person)
    {
        if (person is null || person.Id is null || person.FullName is null)
        {
            return false;
        }

        json.WriteStartObject();
        json.WriteString(P.Id, person.Id);
        json.WriteString(P.FullName, person.FullName);
        WriteDate(json, P.BirthDate, person.BirthDate);
        if (!WriteEnum(json, P.SexName, person.Sex, EnumNames.Sex)
            || !WriteEnum(json, P.OccupationName, person.Occupation, EnumNames.Occupation)
            || !WriteEnum(json, P.EducationLevelName, person.EducationLevel, EnumNames.EducationLevel))
        {
            return false;
        }

        WriteDate(json, P.YouthUnionMemberSince, person.YouthUnionMemberSince);
        WriteDate(json, P.TradeUnionMemberSince, person.TradeUnionMemberSince);
        if (person.Religion is { } religion)
        {
            if (religion.Name is null)
            {
                return false;
            }

            json.WritePropertyName(P.ReligionName);
            json.WriteStartObject();
            json.WriteString(P.NameName, religion.Name);
            if (!WriteEnum(json, P.Role, religion.Role, EnumNames.ReligiousRole))
            {
                return false;
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull(P.ReligionName);
        }

        json.WriteString(P.WorkUnit, person.WorkUnit);
        if (person.PreviousMembership is { } previous)
        {
            json.WritePropertyName(P.PreviousMembershipName);
            json.WriteStartObject();
            WriteDate(json, P.AdmissionDecidedName, previous.AdmissionDecided);
            WriteDate(json, P.Left, previous.Left);
            if (!WriteEnum(json, P.Reason, previous.Reason, EnumNames.LeavingReason))
            {
                return false;
            }

            WriteDate(json, P.RecordClearedOn, previous.RecordClearedOn);
            json.WriteNumber(P.TimesReadmitted, previous.TimesReadmitted);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        return true;
    }

    private static bool WriteCell(Utf8JsonWriter json, Cell? cell)
    {
        if (cell is null || cell.Id is null || cell.Name is null)
        {
            return false;
        }

        json.WriteStartObject();
        json.WriteString(P.Id, cell.Id);
        json.WriteString(P.NameName, cell.Name);
        if (!WriteEnum(json, P.Kind, cell.Kind, EnumNames.CellKind))
        {
            return false;
        }

        json.WriteString(P.Superior, cell.Superior);
        json.WriteBoolean(P.HasYouthUnion, cell.HasYouthUnion);
        json.WriteBoolean(P.HasTradeUnion, cell.HasTradeUnion);
        if (cell.Changes is { } changes)
        {
            json.WritePropertyName(P.Changes);
            json.WriteStartArray();

            // As System.Text.Json does: through the enumerator of the interface.
            foreach (var change in (IEnumerable<CellChange>)changes)
            {
                if (change is null)
                {
                    json.WriteNullValue(); // as System.Text.Json writes a null element (the reader refuses it)
                    continue;
                }

                json.WriteStartObject();
                WriteDate(json, P.From, change.From);
                if (change.Kind is { } kind)
                {
                    if (!WriteEnum(json, P.Kind, kind, EnumNames.CellKind))
                    {
                        return false;
                    }
                }
                else
                {
                    json.WriteNull(P.Kind);
                }

                json.WriteString(P.Superior, change.Superior);
                json.WriteString(P.NameName, change.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        return true;
    }

    private static bool WriteEvent(Utf8JsonWriter json, CaseEvent? e)
    {
        if (e is null)
        {
            return false;
        }

        json.WriteStartObject();
        var written = e switch
        {
            IdentifiedAsSource or AddedToSympathizerList or ApplicationSubmitted or BackgroundDeclared or YouthUnionEndorsed
                or TradeUnionEndorsed or CommentsCollected or AdmissionDecisionReceived or CeremonyDelayApproved or CeremonyHeld
                or SelfReviewSubmitted or HelperReviewSubmitted or PartyCardReturned or ExemptionReported => TypeOf(json, e),
            RemovedFromSympathizerList x => Required(json, e, P.Reason, x.Reason),
            HelperAssigned x => Required(json, e, P.MemberId, x.MemberId),
            AwarenessCourseCompleted x => Optional(json, e, P.CertificateNo, x.CertificateNo),
            BackgroundVerified x => TypeOf(json, e) && WriteEnum(json, P.Conclusion, x.Conclusion, EnumNames.BackgroundConclusion),
            IntroducerAssigned x => Required(json, e, P.MemberId, x.MemberId)
                && WriteDate(json, P.FullMemberSince, x.FullMemberSince) && WriteDate(json, P.WorkedTogetherSince, x.WorkedTogetherSince),
            AgeExceptionApproved x => Required(json, e, P.By, x.By),
            EducationExceptionApproved x => Required(json, e, P.By, x.By),
            CellVoted x => TypeOf(json, e) && WriteEnum(json, P.Purpose, x.Purpose, EnumNames.VotePurpose)
                && Number(json, P.InFavour, x.InFavour) && Number(json, P.FullMembers, x.FullMembers),
            GrassrootsCommitteeVoted x => TypeOf(json, e) && WriteEnum(json, P.Purpose, x.Purpose, EnumNames.VotePurpose)
                && Number(json, P.InFavour, x.InFavour) && Number(json, P.CommitteeMembers, x.CommitteeMembers),
            AdmissionDecided x => Optional(json, e, P.DecisionNo, x.DecisionNo),
            AdmissionRefused x => Required(json, e, P.Reason, x.Reason),
            FullMembershipDecided x => Optional(json, e, P.DecisionNo, x.DecisionNo),
            ProbationaryStruckOff x => Required(json, e, P.Reason, x.Reason),
            ExemptionGranted x => Required(json, e, P.Reason, x.Reason)
                && (x.Grounds is not { } grounds || WriteEnum(json, P.Grounds, grounds, EnumNames.ExemptionGrounds))
                && (!x.MedicalCertificate || Boolean(json, P.MedicalCertificate, true)),
            ExemptionEnded x => Required(json, e, P.Reason, x.Reason),
            StruckOff x => Required(json, e, P.Reason, x.Reason),
            Expelled x => Required(json, e, P.Reason, x.Reason),
            TransferredOut x => Required(json, e, P.To, x.To),
            DecisionDeadlineExtended x => TypeOf(json, e) && WriteEnum(json, P.Purpose, x.Purpose, EnumNames.DecisionPurpose)
                && Number(json, P.WorkingDays, x.WorkingDays),
            IntroducerReplaced x => x.Replaces is not null && Required(json, e, P.MemberId, x.MemberId)
                && String(json, P.Replaces, x.Replaces) && WriteEnum(json, P.Reason, x.Reason, EnumNames.IntroducerReplacementReason)
                && WriteDate(json, P.FullMemberSince, x.FullMemberSince),
            ReadmissionConsentGiven x => Required(json, e, P.By, x.By),
            MeetingMissed x => TypeOf(json, e) && WriteMonth(json, x.Month) && Boolean(json, P.Excused, x.Excused),
            DuesUnpaid x => TypeOf(json, e) && WriteMonth(json, x.Month),
            YearlyRating x => TypeOf(json, e) && Number(json, P.Year, x.Year) && WriteEnum(json, P.Rating, x.Rating, EnumNames.MemberRating),
            _ => false, // a type defined elsewhere: System.Text.Json refuses it (FailSerialization)
        };
        if (!written)
        {
            return false;
        }

        WriteDate(json, P.Date, e.Date);
        json.WriteEndObject();
        return true;
    }

    // The discriminator, by the event's kind (every known type is sealed, so its kind is its own).
    private static bool TypeOf(Utf8JsonWriter json, CaseEvent e)
    {
        json.WriteString(P.Type, TypeNames[(int)e.Kind]);
        return true;
    }

    // A string the type says is never null: System.Text.Json refuses a null (RespectNullableAnnotations), so give up.
    private static bool Required(Utf8JsonWriter json, CaseEvent e, JsonEncodedText name, string? value) =>
        value is not null && TypeOf(json, e) && String(json, name, value);

    private static bool Optional(Utf8JsonWriter json, CaseEvent e, JsonEncodedText name, string? value) =>
        TypeOf(json, e) && String(json, name, value);

    private static bool String(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        json.WriteString(name, value);
        return true;
    }

    private static bool Number(Utf8JsonWriter json, JsonEncodedText name, int value)
    {
        json.WriteNumber(name, value);
        return true;
    }

    private static bool Boolean(Utf8JsonWriter json, JsonEncodedText name, bool value)
    {
        json.WriteBoolean(name, value);
        return true;
    }

    private static bool WriteEnum<TEnum>(Utf8JsonWriter json, JsonEncodedText name, TEnum value, JsonEncodedText[] names)
        where TEnum : struct, Enum
    {
        var index = System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value);
        if ((uint)index >= (uint)names.Length)
        {
            return false; // not a named value: System.Text.Json decides
        }

        json.WriteString(name, names[index]);
        return true;
    }

    // As IsoLocalDateConverter writes it.
    private static bool WriteDate(Utf8JsonWriter json, JsonEncodedText name, LocalDate date)
    {
        Span<byte> text = stackalloc byte[11];
        json.WriteString(name, text[..IsoLocalDateConverter.Format(date, text)]);
        return true;
    }

    private static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, LocalDate? date)
    {
        if (date is { } value)
        {
            WriteDate(json, name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // As IsoYearMonthConverter writes it (four digits of the year, two of the month); a negative year is given up.
    private static bool WriteMonth(Utf8JsonWriter json, YearMonth month)
    {
        var year = month.Year;
        if (year < 0)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[7];
        for (var i = 3; i >= 0; i--)
        {
            text[i] = (byte)('0' + (year % 10));
            year /= 10;
        }

        text[4] = (byte)'-';
        text[5] = (byte)('0' + (month.Month / 10));
        text[6] = (byte)('0' + (month.Month % 10));
        json.WriteString(P.Month, text);
        return true;
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Options.Encoder);

    /// <summary>The JSON name of each value of the enums a case file holds, indexed by the value (they are 0, 1, 2…).</summary>
    internal static class EnumNames
    {
        public static readonly JsonEncodedText[] Sex = Of<Sex>();
        public static readonly JsonEncodedText[] Occupation = Of<Occupation>();
        public static readonly JsonEncodedText[] EducationLevel = Of<EducationLevel>();
        public static readonly JsonEncodedText[] ReligiousRole = Of<ReligiousRole>();
        public static readonly JsonEncodedText[] LeavingReason = Of<LeavingReason>();
        public static readonly JsonEncodedText[] CellKind = Of<CellKind>();
        public static readonly JsonEncodedText[] BackgroundConclusion = Of<BackgroundConclusion>();
        public static readonly JsonEncodedText[] VotePurpose = Of<VotePurpose>();
        public static readonly JsonEncodedText[] DecisionPurpose = Of<DecisionPurpose>();
        public static readonly JsonEncodedText[] IntroducerReplacementReason = Of<IntroducerReplacementReason>();
        public static readonly JsonEncodedText[] ExemptionGrounds = Of<ExemptionGrounds>();
        public static readonly JsonEncodedText[] MemberRating = Of<MemberRating>();

        /// <summary>Every enum this writer writes, with its values and their encoded names (for the checks).</summary>
        internal static readonly (Type Type, Array Values, JsonEncodedText[] Names)[] All =
        [
            (typeof(Sex), Enum.GetValues<Sex>(), Sex),
            (typeof(Occupation), Enum.GetValues<Occupation>(), Occupation),
            (typeof(EducationLevel), Enum.GetValues<EducationLevel>(), EducationLevel),
            (typeof(ReligiousRole), Enum.GetValues<ReligiousRole>(), ReligiousRole),
            (typeof(LeavingReason), Enum.GetValues<LeavingReason>(), LeavingReason),
            (typeof(CellKind), Enum.GetValues<CellKind>(), CellKind),
            (typeof(BackgroundConclusion), Enum.GetValues<BackgroundConclusion>(), BackgroundConclusion),
            (typeof(VotePurpose), Enum.GetValues<VotePurpose>(), VotePurpose),
            (typeof(DecisionPurpose), Enum.GetValues<DecisionPurpose>(), DecisionPurpose),
            (typeof(IntroducerReplacementReason), Enum.GetValues<IntroducerReplacementReason>(), IntroducerReplacementReason),
            (typeof(ExemptionGrounds), Enum.GetValues<ExemptionGrounds>(), ExemptionGrounds),
            (typeof(MemberRating), Enum.GetValues<MemberRating>(), MemberRating),
        ];

        // The camelCase names, in value order; an enum whose values are not 0, 1, 2… gets no names (every value is given up).
        private static JsonEncodedText[] Of<TEnum>()
            where TEnum : struct, Enum
        {
            var values = Enum.GetValues<TEnum>();
            if (Enum.GetUnderlyingType(typeof(TEnum)) != typeof(int))
            {
                return [];
            }

            for (var i = 0; i < values.Length; i++)
            {
                if (Convert.ToInt64(values[i], System.Globalization.CultureInfo.InvariantCulture) != i)
                {
                    return [];
                }
            }

            return [.. values.Select(v => Name(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())))];
        }
    }

    // Apart, so that the check runs on the first write and not when the type is first touched.
    private static class Check
    {
        public static readonly bool Enabled = KnownShapes() && KnownEnumNames();

        private static bool KnownShapes()
        {
            try
            {
                var events = Options.GetTypeInfo(typeof(CaseEvent));
                var derived = events.PolymorphismOptions?.DerivedTypes.Select(d => (d.DerivedType, d.TypeDiscriminator as string)).ToArray() ?? [];
                var eventShapes = Shapes.Where(s => typeof(CaseEvent).IsAssignableFrom(s.Type)).ToArray();

                // Every event type, its discriminator as the writer writes it, and no other.
                return events.PolymorphismOptions?.TypeDiscriminatorPropertyName == "type"
                    && derived.Length == eventShapes.Length
                    && derived.All(d => eventShapes.Any(s => s.Type == d.DerivedType) && d.Item2 is { } discriminator
                        && KindOf(d.DerivedType) is var kind && (uint)kind < (uint)TypeNames.Length && TypeNames[kind].Value == discriminator)
                    && Shapes.All(s => KnownShape(s.Type, s.Names));
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
            {
                return false;
            }
        }

        // The kind a known event type's instances have (each type is named after its kind), or -1.
        private static int KindOf(Type eventType) =>
            EventKinds.All.Where(k => eventType.Name == k.ToString()).Select(k => (int)k).DefaultIfEmpty(-1).First();

        private static bool KnownShape(Type type, string[] names)
        {
            var info = Options.GetTypeInfo(type);
            return info.Kind == JsonTypeInfoKind.Object && info.Converter.GetType().Assembly == typeof(JsonSerializer).Assembly
                && info.Properties.Select(p => p.Name).SequenceEqual(names, StringComparer.Ordinal);
        }

        private static bool KnownEnumNames()
        {
            foreach (var (type, values, names) in EnumNames.All)
            {
                if (names.Length != values.Length)
                {
                    return false;
                }

                for (var i = 0; i < values.Length; i++)
                {
                    var json = JsonSerializer.SerializeToUtf8Bytes(values.GetValue(i), type, Options);
                    if (!json.AsSpan().SequenceEqual([(byte)'"', .. names[i].EncodedUtf8Bytes, (byte)'"']))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
