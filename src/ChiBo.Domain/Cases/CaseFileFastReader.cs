using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using ChiBo.Serialization;
using static ChiBo.Serialization.FastJson;
using NodaTime;

namespace ChiBo.Cases;

/// <summary>
/// A hand-written <see cref="Utf8JsonReader"/> pass from a case file's bytes straight into the case types — the fast
/// path of <see cref="CaseFileSerializer.Read(ReadOnlySpan{byte}, string?)"/>. It accepts only a strict subset of what
/// the System.Text.Json path accepts (exact property names, each at most once, unescaped dates and enum names in their
/// camelCase spelling, <c>type</c> first in an event, no comments) and builds the very same values;
/// on anything else — an error or merely an unusual spelling — it gives up (returns null) and the caller reads the
/// bytes again with System.Text.Json, which finds the error and reports it with its file, line, column and path as
/// before. So every error, position, bound and strictness of the reader is that of the System.Text.Json path by
/// construction; <c>CaseFileFastReaderTests</c> checks on generated and mutated files that whatever this reader
/// accepts, the other accepts with an equal value.
/// </summary>
internal static class CaseFileFastReader
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Reads a case file from UTF-8 JSON already checked for size and encoding (no byte-order mark), or gives up.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <returns>The case file, or null when the System.Text.Json path must decide.</returns>
    internal static CaseFile? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            var caseFile = ReadCaseFile(ref reader, utf8Json);

            // Only whitespace may follow the document (anything else throws or is read as a token).
            return reader.Read() ? null : caseFile;
        }
        catch (Exception ex) when (FastJson.GivesUp(ex))
        {
            return null;
        }
    }

    private static CaseFile ReadCaseFile(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Json)
    {
        Next(ref reader);
        Expect(ref reader, JsonTokenType.StartObject);
        string? schema = null;
        int formatVersion = 0;
        Person? person = null;
        Cell? cell = null;
        ImmutableArray<CaseEvent> events = default;
        JsonElement? extensions = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            if (name.SequenceEqual("formatVersion"u8))
            {
                Mark(ref seen, 0);
                formatVersion = Int(ref reader);
            }
            else if (name.SequenceEqual("person"u8))
            {
                Mark(ref seen, 1);
                person = ReadPerson(ref reader);
            }
            else if (name.SequenceEqual("cell"u8))
            {
                Mark(ref seen, 2);
                cell = ReadCell(ref reader);
            }
            else if (name.SequenceEqual("events"u8))
            {
                Mark(ref seen, 3);
                events = ReadEvents(ref reader);
            }
            else if (name.SequenceEqual("$schema"u8))
            {
                Mark(ref seen, 4);
                schema = NullableString(ref reader);
            }
            else if (name.SequenceEqual("extensions"u8))
            {
                // An object, as the System.Text.Json path takes it: its text parsed on its own with the serializer's
                // rules (no duplicate property at any depth, the document's depth limit, no comments — which the
                // serializer would skip, so this reader gives up on them instead).
                Mark(ref seen, 5);
                Expect(ref reader, JsonTokenType.StartObject);
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                extensions = Extensions(utf8Json[start..(int)reader.BytesConsumed], reader.CurrentDepth);
            }
            else
            {
                throw new GiveUp();
            }
        }

        if ((seen & 0b1111) != 0b1111 || formatVersion != CaseFile.CurrentFormatVersion)
        {
            throw new GiveUp();
        }

        return new CaseFile(formatVersion, person!, cell!, events, extensions) { Schema = schema };
    }

    private static readonly JsonDocumentOptions ExtensionsOptions = new()
    {
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    // The usual extensions (a few notes a cell keeps, e.g. "hoSoSo": its dossier number) without System.Text.Json's
    // serializer; a duplicate property throws here (and the serializer path then reports it).
    private static JsonElement Extensions(ReadOnlySpan<byte> json, int depth)
    {
        if (json.Length == 2)
        {
            return EmptyObject;
        }

        // The object starts at the document's depth 1: its own depth limit is what is left of the document's.
        using var document = JsonDocument.Parse(json.ToArray(), ExtensionsOptions with { MaxDepth = ExtensionsOptions.MaxDepth - depth });
        return document.RootElement.Clone();
    }

    private static Person ReadPerson(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, fullName = null, workUnit = null;
        LocalDate birthDate = default;
        LocalDate? youthUnion = null, tradeUnion = null;
        Sex sex = default;
        Occupation occupation = default;
        EducationLevel education = default;
        Religion? religion = null;
        PreviousMembership? previous = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            Next(ref reader);
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8):
                    Mark(ref seen, 0);
                    id = String(ref reader);
                    break;
                case 8 when name.SequenceEqual("fullName"u8):
                    Mark(ref seen, 1);
                    fullName = String(ref reader);
                    break;
                case 9 when name.SequenceEqual("birthDate"u8):
                    Mark(ref seen, 2);
                    birthDate = Date(ref reader);
                    break;
                case 3 when name.SequenceEqual("sex"u8):
                    Mark(ref seen, 3);
                    sex = Enum<Sex>(ref reader);
                    break;
                case 10 when name.SequenceEqual("occupation"u8):
                    Mark(ref seen, 4);
                    occupation = Enum<Occupation>(ref reader);
                    break;
                case 14 when name.SequenceEqual("educationLevel"u8):
                    Mark(ref seen, 5);
                    education = Enum<EducationLevel>(ref reader);
                    break;
                case 21 when name.SequenceEqual("youthUnionMemberSince"u8):
                    Mark(ref seen, 6);
                    youthUnion = NullableDate(ref reader);
                    break;
                case 21 when name.SequenceEqual("tradeUnionMemberSince"u8):
                    Mark(ref seen, 7);
                    tradeUnion = NullableDate(ref reader);
                    break;
                case 8 when name.SequenceEqual("religion"u8):
                    Mark(ref seen, 8);
                    religion = reader.TokenType == JsonTokenType.Null ? null : ReadReligion(ref reader);
                    break;
                case 8 when name.SequenceEqual("workUnit"u8):
                    Mark(ref seen, 9);
                    workUnit = NullableString(ref reader);
                    break;
                case 18 when name.SequenceEqual("previousMembership"u8):
                    Mark(ref seen, 10);
                    previous = reader.TokenType == JsonTokenType.Null ? null : ReadPreviousMembership(ref reader);
                    break;
                default:
                    throw new GiveUp();
            }
        }

        Require(seen, 0b111111);
        return new Person(id!, fullName!, birthDate, sex, occupation, education, youthUnion, tradeUnion, religion, workUnit)
        {
            PreviousMembership = previous,
        };
    }

    private static Religion ReadReligion(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? name = null;
        ReligiousRole role = default;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            Next(ref reader);
            if (property.SequenceEqual("name"u8))
            {
                Mark(ref seen, 0);
                name = String(ref reader);
            }
            else if (property.SequenceEqual("role"u8))
            {
                Mark(ref seen, 1);
                role = Enum<ReligiousRole>(ref reader);
            }
            else
            {
                throw new GiveUp();
            }
        }

        Require(seen, 0b11);
        return new Religion(name!, role);
    }

    private static PreviousMembership ReadPreviousMembership(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        LocalDate decided = default, left = default;
        LocalDate? cleared = null;
        LeavingReason reason = default;
        var times = 0;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            Next(ref reader);
            if (property.SequenceEqual("admissionDecided"u8))
            {
                Mark(ref seen, 0);
                decided = Date(ref reader);
            }
            else if (property.SequenceEqual("left"u8))
            {
                Mark(ref seen, 1);
                left = Date(ref reader);
            }
            else if (property.SequenceEqual("reason"u8))
            {
                Mark(ref seen, 2);
                reason = Enum<LeavingReason>(ref reader);
            }
            else if (property.SequenceEqual("recordClearedOn"u8))
            {
                Mark(ref seen, 3);
                cleared = NullableDate(ref reader);
            }
            else if (property.SequenceEqual("timesReadmitted"u8))
            {
                Mark(ref seen, 4);
                times = Int(ref reader);
            }
            else
            {
                throw new GiveUp();
            }
        }

        Require(seen, 0b111);
        return new PreviousMembership(decided, left, reason, cleared, times);
    }

    private static Cell ReadCell(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, name = null, superior = null;
        CellKind kind = default;
        bool youthUnion = true, tradeUnion = true;
        List<CellChange>? changes = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            Next(ref reader);
            switch (property.Length)
            {
                case 2 when property.SequenceEqual("id"u8):
                    Mark(ref seen, 0);
                    id = String(ref reader);
                    break;
                case 4 when property.SequenceEqual("name"u8):
                    Mark(ref seen, 1);
                    name = String(ref reader);
                    break;
                case 4 when property.SequenceEqual("kind"u8):
                    Mark(ref seen, 2);
                    kind = Enum<CellKind>(ref reader);
                    break;
                case 8 when property.SequenceEqual("superior"u8):
                    Mark(ref seen, 3);
                    superior = NullableString(ref reader);
                    break;
                case 13 when property.SequenceEqual("hasYouthUnion"u8):
                    Mark(ref seen, 4);
                    youthUnion = Bool(ref reader);
                    break;
                case 13 when property.SequenceEqual("hasTradeUnion"u8):
                    Mark(ref seen, 5);
                    tradeUnion = Bool(ref reader);
                    break;
                case 7 when property.SequenceEqual("changes"u8):
                    Mark(ref seen, 6);
                    changes = reader.TokenType == JsonTokenType.Null ? null : List(ref reader, ReadChange);
                    break;
                default:
                    throw new GiveUp();
            }
        }

        Require(seen, 0b111);
        return new Cell(id!, name!, kind, superior, youthUnion, tradeUnion) { Changes = changes };
    }

    private static CellChange ReadChange(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        LocalDate from = default;
        CellKind? kind = null;
        string? superior = null, name = null;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            Next(ref reader);
            if (property.SequenceEqual("from"u8))
            {
                Mark(ref seen, 0);
                from = Date(ref reader);
            }
            else if (property.SequenceEqual("kind"u8))
            {
                Mark(ref seen, 1);
                kind = reader.TokenType == JsonTokenType.Null ? null : Enum<CellKind>(ref reader);
            }
            else if (property.SequenceEqual("superior"u8))
            {
                Mark(ref seen, 2);
                superior = NullableString(ref reader);
            }
            else if (property.SequenceEqual("name"u8))
            {
                Mark(ref seen, 3);
                name = NullableString(ref reader);
            }
            else
            {
                throw new GiveUp();
            }
        }

        Require(seen, 0b1);
        return new CellChange(from, kind, superior, name);
    }

    private static ImmutableArray<CaseEvent> ReadEvents(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var events = ImmutableArray.CreateBuilder<CaseEvent>(16);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return events.Count == events.Capacity ? events.MoveToImmutable() : events.ToImmutable();
            }

            events.Add(ReadEvent(ref reader));
        }
    }

    // The properties of events, one bit each.
    private const int PDate = 1 << 0, PReason = 1 << 1, PMemberId = 1 << 2, PCertificateNo = 1 << 3, PConclusion = 1 << 4,
        PFullMemberSince = 1 << 5, PWorkedTogetherSince = 1 << 6, PBy = 1 << 7, PPurpose = 1 << 8, PInFavour = 1 << 9,
        PFullMembers = 1 << 10, PCommitteeMembers = 1 << 11, PDecisionNo = 1 << 12, PGrounds = 1 << 13,
        PMedicalCertificate = 1 << 14, PTo = 1 << 15, PWorkingDays = 1 << 16, PReplaces = 1 << 17, PMonth = 1 << 18,
        PExcused = 1 << 19, PYear = 1 << 20, PRating = 1 << 21;

    // For each kind, in EventKind's order: the properties it has and those it requires (a parameter without a default).
    private static readonly (int Allowed, int Required)[] Shapes =
    [
        (PDate, PDate), // identifiedAsSource
        (PDate, PDate), // addedToSympathizerList
        (PDate | PReason, PDate | PReason), // removedFromSympathizerList
        (PDate | PMemberId, PDate | PMemberId), // helperAssigned
        (PDate | PCertificateNo, PDate), // awarenessCourseCompleted
        (PDate, PDate), // applicationSubmitted
        (PDate, PDate), // backgroundDeclared
        (PDate | PConclusion, PDate | PConclusion), // backgroundVerified
        (PDate | PMemberId | PFullMemberSince | PWorkedTogetherSince, PDate | PMemberId | PFullMemberSince | PWorkedTogetherSince), // introducerAssigned
        (PDate, PDate), // youthUnionEndorsed
        (PDate, PDate), // tradeUnionEndorsed
        (PDate, PDate), // commentsCollected
        (PDate | PBy, PDate | PBy), // ageExceptionApproved
        (PDate | PBy, PDate | PBy), // educationExceptionApproved
        (PDate | PPurpose | PInFavour | PFullMembers, PDate | PPurpose | PInFavour | PFullMembers), // cellVoted
        (PDate | PPurpose | PInFavour | PCommitteeMembers, PDate | PPurpose | PInFavour | PCommitteeMembers), // grassrootsCommitteeVoted
        (PDate | PDecisionNo, PDate), // admissionDecided
        (PDate, PDate), // admissionDecisionReceived
        (PDate | PReason, PDate | PReason), // admissionRefused
        (PDate, PDate), // ceremonyDelayApproved
        (PDate, PDate), // ceremonyHeld
        (PDate, PDate), // selfReviewSubmitted
        (PDate, PDate), // helperReviewSubmitted
        (PDate | PDecisionNo, PDate), // fullMembershipDecided
        (PDate | PReason, PDate | PReason), // probationaryStruckOff
        (PDate | PReason | PGrounds | PMedicalCertificate, PDate | PReason), // exemptionGranted
        (PDate | PReason, PDate | PReason), // exemptionEnded
        (PDate | PReason, PDate | PReason), // struckOff
        (PDate | PReason, PDate | PReason), // expelled
        (PDate | PTo, PDate | PTo), // transferredOut
        (PDate | PPurpose | PWorkingDays, PDate | PPurpose | PWorkingDays), // decisionDeadlineExtended
        (PDate | PMemberId | PReplaces | PReason | PFullMemberSince, PDate | PMemberId | PReplaces | PReason | PFullMemberSince), // introducerReplaced
        (PDate | PBy, PDate | PBy), // readmissionConsentGiven
        (PDate | PMonth | PExcused, PDate | PMonth), // meetingMissed
        (PDate | PMonth, PDate | PMonth), // duesUnpaid
        (PDate | PYear | PRating, PDate | PYear | PRating), // yearlyRating
        (PDate, PDate), // partyCardReturned
        (PDate, PDate), // exemptionReported
    ];

    private static readonly byte[][] TypeNames = BuildTypeNames();

    private static byte[][] BuildTypeNames()
    {
        var names = new byte[EventKinds.All.Count][];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = System.Text.Encoding.UTF8.GetBytes(EventKinds.JsonName((EventKind)i));
        }

        return names;
    }

    private static EventKind ReadKind(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < TypeNames.Length; i++)
        {
            if (name.SequenceEqual(TypeNames[i]))
            {
                return (EventKind)i;
            }
        }

        throw new GiveUp();
    }

    private static CaseEvent ReadEvent(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);

        // The discriminator first, as the writer puts it (elsewhere, the System.Text.Json path decides).
        if (!NextProperty(ref reader) || !reader.ValueSpan.SequenceEqual("type"u8))
        {
            throw new GiveUp();
        }

        Next(ref reader);
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            throw new GiveUp();
        }

        var kind = ReadKind(reader.ValueSpan);
        var (allowed, required) = Shapes[(int)kind];
        LocalDate date = default, fullMemberSince = default, workedTogetherSince = default;
        string? reason = null, memberId = null, certificateNo = null, by = null, decisionNo = null, to = null, replaces = null;
        BackgroundConclusion conclusion = default;
        int purpose = 0, inFavour = 0, members = 0, workingDays = 0, year = 0, replacementReason = 0;
        ExemptionGrounds? grounds = null;
        bool medicalCertificate = false, excused = false;
        YearMonth month = default;
        MemberRating rating = default;
        var seen = 0;
        while (NextProperty(ref reader))
        {
            var property = EventProperty(reader.ValueSpan);
            if ((property & allowed) == 0 || (seen & property) != 0)
            {
                throw new GiveUp();
            }

            seen |= property;
            Next(ref reader);
            switch (property)
            {
                case PDate:
                    date = Date(ref reader);
                    break;
                case PReason when kind == EventKind.IntroducerReplaced:
                    replacementReason = (int)Enum<IntroducerReplacementReason>(ref reader);
                    break;
                case PReason:
                    reason = String(ref reader);
                    break;
                case PMemberId:
                    memberId = String(ref reader);
                    break;
                case PCertificateNo:
                    certificateNo = NullableString(ref reader);
                    break;
                case PConclusion:
                    conclusion = Enum<BackgroundConclusion>(ref reader);
                    break;
                case PFullMemberSince:
                    fullMemberSince = Date(ref reader);
                    break;
                case PWorkedTogetherSince:
                    workedTogetherSince = Date(ref reader);
                    break;
                case PBy:
                    by = String(ref reader);
                    break;
                case PPurpose when kind == EventKind.DecisionDeadlineExtended:
                    purpose = (int)Enum<DecisionPurpose>(ref reader);
                    break;
                case PPurpose:
                    purpose = (int)Enum<VotePurpose>(ref reader);
                    break;
                case PInFavour:
                    inFavour = Int(ref reader);
                    break;
                case PFullMembers:
                case PCommitteeMembers:
                    members = Int(ref reader);
                    break;
                case PDecisionNo:
                    decisionNo = NullableString(ref reader);
                    break;
                case PGrounds:
                    grounds = Enum<ExemptionGrounds>(ref reader);
                    break;
                case PMedicalCertificate:
                    medicalCertificate = Bool(ref reader);
                    break;
                case PTo:
                    to = String(ref reader);
                    break;
                case PWorkingDays:
                    workingDays = Int(ref reader);
                    break;
                case PReplaces:
                    replaces = String(ref reader);
                    break;
                case PMonth:
                    month = Month(ref reader);
                    break;
                case PExcused:
                    excused = Bool(ref reader);
                    break;
                case PYear:
                    year = Int(ref reader);
                    break;
                case PRating:
                    rating = Enum<MemberRating>(ref reader);
                    break;
                default:
                    throw new GiveUp();
            }
        }

        Require(seen, required);
        return kind switch
        {
            EventKind.IdentifiedAsSource => new IdentifiedAsSource(date),
            EventKind.AddedToSympathizerList => new AddedToSympathizerList(date),
            EventKind.RemovedFromSympathizerList => new RemovedFromSympathizerList(date, reason!),
            EventKind.HelperAssigned => new HelperAssigned(date, memberId!),
            EventKind.AwarenessCourseCompleted => new AwarenessCourseCompleted(date, certificateNo),
            EventKind.ApplicationSubmitted => new ApplicationSubmitted(date),
            EventKind.BackgroundDeclared => new BackgroundDeclared(date),
            EventKind.BackgroundVerified => new BackgroundVerified(date, conclusion),
            EventKind.IntroducerAssigned => new IntroducerAssigned(date, memberId!, fullMemberSince, workedTogetherSince),
            EventKind.YouthUnionEndorsed => new YouthUnionEndorsed(date),
            EventKind.TradeUnionEndorsed => new TradeUnionEndorsed(date),
            EventKind.CommentsCollected => new CommentsCollected(date),
            EventKind.AgeExceptionApproved => new AgeExceptionApproved(date, by!),
            EventKind.EducationExceptionApproved => new EducationExceptionApproved(date, by!),
            EventKind.CellVoted => new CellVoted(date, (VotePurpose)purpose, inFavour, members),
            EventKind.GrassrootsCommitteeVoted => new GrassrootsCommitteeVoted(date, (VotePurpose)purpose, inFavour, members),
            EventKind.AdmissionDecided => new AdmissionDecided(date, decisionNo),
            EventKind.AdmissionDecisionReceived => new AdmissionDecisionReceived(date),
            EventKind.AdmissionRefused => new AdmissionRefused(date, reason!),
            EventKind.CeremonyDelayApproved => new CeremonyDelayApproved(date),
            EventKind.CeremonyHeld => new CeremonyHeld(date),
            EventKind.SelfReviewSubmitted => new SelfReviewSubmitted(date),
            EventKind.HelperReviewSubmitted => new HelperReviewSubmitted(date),
            EventKind.FullMembershipDecided => new FullMembershipDecided(date, decisionNo),
            EventKind.ProbationaryStruckOff => new ProbationaryStruckOff(date, reason!),
            EventKind.ExemptionGranted => new ExemptionGranted(date, reason!, grounds, medicalCertificate),
            EventKind.ExemptionEnded => new ExemptionEnded(date, reason!),
            EventKind.StruckOff => new StruckOff(date, reason!),
            EventKind.Expelled => new Expelled(date, reason!),
            EventKind.TransferredOut => new TransferredOut(date, to!),
            EventKind.DecisionDeadlineExtended => new DecisionDeadlineExtended(date, (DecisionPurpose)purpose, workingDays),
            EventKind.IntroducerReplaced => new IntroducerReplaced(date, memberId!, replaces!, (IntroducerReplacementReason)replacementReason, fullMemberSince),
            EventKind.ReadmissionConsentGiven => new ReadmissionConsentGiven(date, by!),
            EventKind.MeetingMissed => new MeetingMissed(date, month, excused),
            EventKind.DuesUnpaid => new DuesUnpaid(date, month),
            EventKind.YearlyRating => new YearlyRating(date, year, rating),
            EventKind.PartyCardReturned => new PartyCardReturned(date),
            EventKind.ExemptionReported => new ExemptionReported(date),
            _ => throw new GiveUp(),
        };
    }

    private static int EventProperty(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("by"u8) => PBy,
        2 when name.SequenceEqual("to"u8) => PTo,
        4 when name.SequenceEqual("date"u8) => PDate,
        4 when name.SequenceEqual("year"u8) => PYear,
        5 when name.SequenceEqual("month"u8) => PMonth,
        6 when name.SequenceEqual("reason"u8) => PReason,
        6 when name.SequenceEqual("rating"u8) => PRating,
        7 when name.SequenceEqual("purpose"u8) => PPurpose,
        7 when name.SequenceEqual("grounds"u8) => PGrounds,
        7 when name.SequenceEqual("excused"u8) => PExcused,
        8 when name.SequenceEqual("memberId"u8) => PMemberId,
        8 when name.SequenceEqual("inFavour"u8) => PInFavour,
        8 when name.SequenceEqual("replaces"u8) => PReplaces,
        10 when name.SequenceEqual("conclusion"u8) => PConclusion,
        10 when name.SequenceEqual("decisionNo"u8) => PDecisionNo,
        11 when name.SequenceEqual("fullMembers"u8) => PFullMembers,
        11 when name.SequenceEqual("workingDays"u8) => PWorkingDays,
        13 when name.SequenceEqual("certificateNo"u8) => PCertificateNo,
        15 when name.SequenceEqual("fullMemberSince"u8) => PFullMemberSince,
        16 when name.SequenceEqual("committeeMembers"u8) => PCommitteeMembers,
        18 when name.SequenceEqual("medicalCertificate"u8) => PMedicalCertificate,
        19 when name.SequenceEqual("workedTogetherSince"u8) => PWorkedTogetherSince,
        _ => 0,
    };

    // Four-digit years only (the shared step also takes a signed year): anything else is the serializer's to read.
    private static LocalDate Date(ref Utf8JsonReader reader) =>
        reader.ValueSpan.Length == 10 ? FastJson.Date(ref reader) : throw new GiveUp();

    private static LocalDate? NullableDate(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Date(ref reader);

    private static YearMonth Month(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 7)
        {
            throw new GiveUp();
        }

        Span<char> text = stackalloc char[7];
        var span = reader.ValueSpan;
        for (var i = 0; i < 7; i++)
        {
            text[i] = (char)span[i];
        }

        return IsoYearMonthConverter.TryParse(text, out var month) ? month : throw new GiveUp();
    }

    private static TEnum Enum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            throw new GiveUp();
        }

        var span = reader.ValueSpan;
        var names = EnumNames<TEnum>.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (span.SequenceEqual(names[i]))
            {
                return EnumNames<TEnum>.Values[i];
            }
        }

        throw new GiveUp();
    }

    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        internal static readonly TEnum[] Values = System.Enum.GetValues<TEnum>();

        internal static readonly byte[][] Names = Array.ConvertAll(Values,
            v => System.Text.Encoding.UTF8.GetBytes(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));
    }
}
