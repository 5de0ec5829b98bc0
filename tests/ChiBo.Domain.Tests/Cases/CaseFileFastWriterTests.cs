using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChiBo.Cases;
using ChiBo.Serialization;
using ChiBo.Testing;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Cases;

/// <summary>
/// Issue 17, writing as fast: the hand-written case-file writer (<c>CaseFileFastWriter</c>, one Utf8JsonWriter pass)
/// must give exactly the bytes the System.Text.Json path gives (<c>JsonSerializer.Serialize(caseFile, ChiBoJson.Options)</c>)
/// on every file it writes, and may only give up — on what is rare or what System.Text.Json refuses — never write
/// differently. And it must know every property of the case types: a property added that it does not write fails here.
/// </summary>
public class CaseFileFastWriterTests
{
    // Pieces of odd text: quotes, backslashes, control characters, HTML-sensitive characters, Vietnamese (precomposed and
    // combining), astral characters, line and paragraph separators, a byte-order mark, lone surrogates, nothing, a long run.
    private static readonly string[] Pieces =
    [
        "\"", "\\", "\"\\\"", "\u0000", "\u0001", "\u001f", "\t", "\n", "\r\n", "\b\f", "\u007f", "\u0080", "\u00a0", "<script>&'`+",
        "Nguyễn Thị Ánh Hồng", "Chi bộ Trường THPT Trần Phú", "Quận ủy Hải Châu", "e\u0301\u0323", "Đ", "𝔘𝔫𝔦", "😀", "𠀀", "\u2028\u2029",
        "\ufeff", "\ufffd", "\ud800", "\udc00", "\udbff\udfff", string.Empty, " ", "$schema", "a", "p-123", new string('ư', 300),
        "/", "\u0085", "\u200b", "\u0300",
    ];

    // The law for one case: when the fast writer writes it, the text is System.Text.Json's, byte for byte; it gives up
    // only on non-empty extensions, a month of a negative year, or what System.Text.Json itself refuses (then Write
    // throws as System.Text.Json does).
    private static void AssertSame(CaseFile caseFile, string description)
    {
        string? reference = null;
        Exception? refused = null;
        try
        {
            reference = CaseFileSerializer.WriteWithSerializer(caseFile);
        }
        catch (Exception e)
        {
            refused = e;
        }

        var fast = CaseFileFastWriter.TryWrite(caseFile);
        if (fast is not null)
        {
            Assert.True(refused is null, $"[{description}] the fast writer wrote what System.Text.Json refuses ({refused?.GetType().Name}: {refused?.Message})");
            Assert.Equal(reference, fast);
        }
        else
        {
            var rare = refused is not null
                || caseFile.Extensions is { } extensions && extensions.EnumerateObject().Any()
                || caseFile.Events.Any(e => e is MeetingMissed { Month.Year: < 0 } or DuesUnpaid { Month.Year: < 0 });
            Assert.True(rare, $"[{description}] the fast writer gave up on an ordinary file:\n{reference}");
        }

        // The public method: the same text, or the same refusal.
        if (refused is null)
        {
            Assert.Equal(reference, CaseFileSerializer.Write(caseFile));
        }
        else
        {
            var thrown = Assert.ThrowsAny<Exception>(() => CaseFileSerializer.Write(caseFile));
            Assert.Equal(refused.GetType(), thrown.GetType());
            Assert.Equal(refused.Message, thrown.Message);
        }
    }

    [Fact]
    public void The_writer_knows_every_case_type_and_is_enabled()
    {
        // Compared with System.Text.Json's metadata: a property added, renamed, moved or left out fails here.
        foreach (var (type, names) in CaseFileFastWriter.Shapes)
        {
            var info = ChiBoJson.Options.GetTypeInfo(type);
            Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
            Assert.True(names.SequenceEqual(info.Properties.Select(p => p.Name)),
                $"{type.Name}: the writer writes [{string.Join(", ", names)}], System.Text.Json [{string.Join(", ", info.Properties.Select(p => p.Name))}]");
        }

        // Every event type System.Text.Json knows (and only those), each once.
        var derived = ChiBoJson.Options.GetTypeInfo(typeof(CaseEvent)).PolymorphismOptions!.DerivedTypes.Select(d => d.DerivedType).ToHashSet();
        var written = CaseFileFastWriter.Shapes.Select(s => s.Type).Where(t => typeof(CaseEvent).IsAssignableFrom(t)).ToList();
        Assert.Equal(derived.Count, written.Count);
        Assert.True(derived.SetEquals(written));

        // Every type of the case file's object graph has a shape (a new nested record must be written by hand too).
        var shaped = CaseFileFastWriter.Shapes.Select(s => s.Type).ToHashSet();
        var enums = CaseFileFastWriter.EnumNames.All.Select(e => e.Type).ToHashSet();
        foreach (var (type, _) in CaseFileFastWriter.Shapes)
        {
            foreach (var property in ChiBoJson.Options.GetTypeInfo(type).Properties)
            {
                var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                var element = t.IsGenericType && t.GetGenericArguments() is [var argument] ? argument : t;
                if (element.IsEnum)
                {
                    Assert.True(enums.Contains(element), $"{type.Name}.{property.Name}: the enum {element.Name} has no names in the writer");
                }
                else if (element.Namespace == typeof(CaseFile).Namespace)
                {
                    Assert.True(shaped.Contains(element) || element == typeof(CaseEvent), $"{type.Name}.{property.Name}: {element.Name} has no shape in the writer");
                }
                else
                {
                    Assert.Contains(element, new[] { typeof(string), typeof(int), typeof(bool), typeof(LocalDate), typeof(YearMonth), typeof(JsonElement) });
                }
            }
        }

        Assert.True(CaseFileFastWriter.Enabled);
    }

    // Every enum value, as the writer writes it, is what System.Text.Json writes for the property (the global string-enum
    // converter, or NamedEnumConverter on a yearly rating's rating and an exemption's grounds).
    [Fact]
    public void Every_enum_value_is_written_as_System_Text_Json_writes_it()
    {
        foreach (var (type, values, names) in CaseFileFastWriter.EnumNames.All)
        {
            Assert.Equal(values.Length, names.Length);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.Equal(JsonSerializer.Serialize(values.GetValue(i), type, ChiBoJson.Options), $"\"{names[i]}\"");
            }
        }

        var date = new LocalDate(2024, 5, 6);
        foreach (var rating in Enum.GetValues<MemberRating>())
        {
            AssertSame(Case(new YearlyRating(date, 2023, rating)), rating.ToString());
        }

        foreach (var grounds in Enum.GetValues<ExemptionGrounds>())
        {
            AssertSame(Case(new ExemptionGranted(date, "x", grounds, true), new ExemptionGranted(date, "y", grounds)), grounds.ToString());
        }
    }

    [Fact]
    public void Every_sample_case_is_written_as_System_Text_Json_writes_it()
    {
        var files = Directory.GetFiles(Path.Combine(TestData.RepoRoot, "samples"), "*.case.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertSame(CaseFileSerializer.ReadFile(file).GetValueOrThrow(), file);
        }
    }

    [Fact]
    public void Every_corpus_case_is_written_as_System_Text_Json_writes_it()
    {
        foreach (var (caseFile, i) in FuzzCorpus.Cases.Select((c, i) => (c, i)))
        {
            AssertSame(caseFile, $"corpus {i}");
        }

        foreach (var (bytes, i) in FuzzCorpus.MemberFiles.Select((b, i) => (b, i)))
        {
            AssertSame(CaseFileSerializer.Read(bytes).GetValueOrThrow(), $"member corpus {i}");
        }

        foreach (var (caseFile, i) in FuzzCorpus.FullMembers.Select((c, i) => (c, i)))
        {
            AssertSame(caseFile, $"full member {i}");
        }
    }

    [Fact]
    public void Thousands_of_generated_cases_are_written_as_System_Text_Json_writes_them()
    {
        var generated = CaseGenerator.Generate(20_261_717, 4000);
        foreach (var (g, i) in generated.Select((g, i) => (g, i)))
        {
            AssertSame(g.File, $"generated {i}");
            Assert.NotNull(CaseFileFastWriter.TryWrite(g.File)); // the usual file takes the fast path (else the benchmark measures nothing)
        }
    }

    // Law: on any case built in code with odd values — names with quotes, control characters, Vietnamese and astral
    // characters, lone surrogates, extreme dates and months, nulls where allowed and where not, enum values without a
    // name, empty and null lists, extensions — the fast writer writes System.Text.Json's bytes or gives up.
    [Property(MaxTest = 3000, Replay = "(20261717,20261719)")]
    public Property Odd_cases_are_written_as_System_Text_Json_writes_them_or_left_to_it() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var caseFile = OddCase(new Random(seed));
            AssertSame(caseFile, $"seed {seed}");
        });

    // A file written by the fast writer reads back to an equal case (the round trip through the public methods).
    [Property(MaxTest = 300, Arbitrary = [typeof(Arbitraries)])]
    public bool A_case_written_by_the_fast_writer_reads_back_equal(CaseFile caseFile)
    {
        var json = CaseFileFastWriter.TryWrite(caseFile);
        return json is not null && caseFile.Equals(CaseFileSerializer.Read(json).GetValueOrThrow());
    }

    [Fact]
    public void A_case_with_host_data_under_extensions_is_left_to_System_Text_Json()
    {
        var withHost = new CaseFile(1, Person(), Cell(), [new IdentifiedAsSource(new LocalDate(2024, 1, 2))],
            JsonDocument.Parse("""{"host": {"a": [1, 2, "Đ"]}, "b": null}""").RootElement);
        Assert.Null(CaseFileFastWriter.TryWrite(withHost));
        AssertSame(withHost, "host data");

        var empty = new CaseFile(1, Person(), Cell(), [], JsonDocument.Parse("{ }").RootElement);
        Assert.NotNull(CaseFileFastWriter.TryWrite(empty));
        AssertSame(empty, "empty extensions");
    }

    // A null where the type says non-null: System.Text.Json refuses it (RespectNullableAnnotations), and so does Write.
    [Fact]
    public void A_null_required_string_is_refused_as_System_Text_Json_refuses_it()
    {
        var date = new LocalDate(2024, 1, 2);
        var bad = new CaseEvent[] { new StruckOff(date, null!), new HelperAssigned(date, null!), new IntroducerReplaced(date, "m", null!, IntroducerReplacementReason.Other, date) };
        foreach (var e in bad)
        {
            var caseFile = Case(e);
            Assert.Null(CaseFileFastWriter.TryWrite(caseFile));
            Assert.ThrowsAny<JsonException>(() => CaseFileSerializer.Write(caseFile));
            AssertSame(caseFile, e.GetType().Name);
        }

        AssertSame(new CaseFile(Person() with { FullName = null! }, Cell()), "person.fullName null");
        AssertSame(new CaseFile(Person(), Cell() with { Name = null! }), "cell.name null");
    }

    // An event type defined outside ChiBo is not in the contract: System.Text.Json refuses it, and so does Write.
    [Fact]
    public void An_event_type_defined_elsewhere_is_refused_as_System_Text_Json_refuses_it()
    {
        var caseFile = Case(new ForeignEvent(new LocalDate(2024, 1, 2)));
        Assert.Null(CaseFileFastWriter.TryWrite(caseFile));
        AssertSame(caseFile, "foreign event");
    }

    private static CaseFile Case(params CaseEvent[] events) => new(Person(), Cell(), events);

    private static Person Person() =>
        new("p-1", "Nguyễn Văn An", new LocalDate(2000, 1, 1), Sex.Male, Occupation.Teacher, EducationLevel.University);

    private static Cell Cell() => new("c-1", "Chi bộ 1", CellKind.GrassrootsCell);

    private static CaseFile OddCase(Random random)
    {
        var person = new Person(
            Text(random, required: true),
            Text(random, required: true),
            Date(random),
            AnyEnum<Sex>(random),
            AnyEnum<Occupation>(random),
            AnyEnum<EducationLevel>(random),
            Maybe(random, () => Date(random)),
            Maybe(random, () => Date(random)),
            random.Next(3) == 0 ? new Religion(Text(random, required: true), AnyEnum<ReligiousRole>(random)) : null,
            Text(random, required: false))
        {
            PreviousMembership = random.Next(4) == 0
                ? new PreviousMembership(Date(random), Date(random), AnyEnum<LeavingReason>(random), Maybe(random, () => Date(random)), Int(random))
                : null,
        };
        var cell = new Cell(Text(random, required: true), Text(random, required: true), AnyEnum<CellKind>(random), Text(random, required: false),
            random.Next(2) == 0, random.Next(2) == 0)
        {
            Changes = random.Next(4) switch
            {
                0 => [],
                1 => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(20) == 0 ? null! : new CellChange(Date(random),
                    random.Next(2) == 0 ? AnyEnum<CellKind>(random) : null, Text(random, required: false), Text(random, required: false)))],
                _ => null,
            },
        };
        var events = Enumerable.Range(0, random.Next(0, 9)).Select(_ => Event(random)).ToImmutableArray();
        JsonElement? extensions = random.Next(8) switch
        {
            0 => JsonDocument.Parse("{}").RootElement,
            1 => JsonDocument.Parse("""{"host": [1, "x\u00e9\ud83d\ude00", {"k": null}], "n": 1.50}""").RootElement,
            _ => null,
        };
        return new CaseFile(CaseFile.CurrentFormatVersion, person, cell, events, extensions)
        {
            Schema = random.Next(3) == 0 ? Text(random, required: true) : null,
        };
    }

    private static CaseEvent Event(Random random)
    {
        var d = Date(random);
        string R() => Text(random, required: true);
        string? O() => Text(random, required: false);
        return random.Next(38) switch
        {
            0 => new IdentifiedAsSource(d),
            1 => new AddedToSympathizerList(d),
            2 => new RemovedFromSympathizerList(d, R()),
            3 => new HelperAssigned(d, R()),
            4 => new AwarenessCourseCompleted(d, O()),
            5 => new ApplicationSubmitted(d),
            6 => new BackgroundDeclared(d),
            7 => new BackgroundVerified(d, AnyEnum<BackgroundConclusion>(random)),
            8 => new IntroducerAssigned(d, R(), Date(random), Date(random)),
            9 => new YouthUnionEndorsed(d),
            10 => new TradeUnionEndorsed(d),
            11 => new CommentsCollected(d),
            12 => new AgeExceptionApproved(d, R()),
            13 => new EducationExceptionApproved(d, R()),
            14 => new CellVoted(d, AnyEnum<VotePurpose>(random), Int(random), Int(random)),
            15 => new GrassrootsCommitteeVoted(d, AnyEnum<VotePurpose>(random), Int(random), Int(random)),
            16 => new AdmissionDecided(d, O()),
            17 => new AdmissionDecisionReceived(d),
            18 => new AdmissionRefused(d, R()),
            19 => new CeremonyDelayApproved(d),
            20 => new CeremonyHeld(d),
            21 => new SelfReviewSubmitted(d),
            22 => new HelperReviewSubmitted(d),
            23 => new FullMembershipDecided(d, O()),
            24 => new ProbationaryStruckOff(d, R()),
            25 => new ExemptionGranted(d, R(), random.Next(3) == 0 ? null : AnyEnum<ExemptionGrounds>(random), random.Next(2) == 0),
            26 => new ExemptionEnded(d, R()),
            27 => new StruckOff(d, R()),
            28 => new Expelled(d, R()),
            29 => new TransferredOut(d, R()),
            30 => new DecisionDeadlineExtended(d, AnyEnum<DecisionPurpose>(random), Int(random)),
            31 => new IntroducerReplaced(d, R(), R(), AnyEnum<IntroducerReplacementReason>(random), Date(random)),
            32 => new ReadmissionConsentGiven(d, R()),
            33 => new MeetingMissed(d, Month(random), random.Next(2) == 0),
            34 => new DuesUnpaid(d, Month(random)),
            35 => new YearlyRating(d, Int(random), AnyEnum<MemberRating>(random)),
            36 => new PartyCardReturned(d),
            _ => new ExemptionReported(d),
        };
    }

    // Mostly a defined value; now and then one without a name (System.Text.Json refuses it).
    private static T AnyEnum<T>(Random random)
        where T : struct, System.Enum
    {
        var values = System.Enum.GetValues<T>();
        var index = random.Next(40) switch
        {
            0 => -1,
            1 => values.Length + random.Next(3),
            _ => random.Next(values.Length),
        };
        return index >= 0 && index < values.Length ? values[index] : (T)System.Enum.ToObject(typeof(T), index);
    }

    private static int Int(Random random) => random.Next(6) switch
    {
        0 => int.MinValue,
        1 => int.MaxValue,
        2 => -1,
        3 => 0,
        _ => random.Next(-1000, 100_000),
    };

    private static LocalDate Date(Random random) => random.Next(10) switch
    {
        0 => LocalDate.MinIsoValue,
        1 => LocalDate.MaxIsoValue,
        2 => new LocalDate(1, 1, 1),
        3 => new LocalDate(0, 2, 29),
        4 => new LocalDate(-1, 12, 31),
        5 => new LocalDate(1900, 1, 1).PlusDays(random.Next(0, 365 * 200)),
        _ => new LocalDate(2016, 1, 1).PlusDays(random.Next(0, 365 * 10)),
    };

    private static YearMonth Month(Random random) => random.Next(8) switch
    {
        0 => new YearMonth(-9998, 1),
        1 => new YearMonth(9999, 12),
        2 => new YearMonth(0, 7),
        3 => new YearMonth(1, 1),
        4 => new YearMonth(-5, 11),
        _ => new YearMonth(random.Next(1900, 2101), random.Next(1, 13)),
    };

    private static T? Maybe<T>(Random random, Func<T> value)
        where T : struct => random.Next(3) == 0 ? null : value();

    // Odd text, a null now and then (where the type allows it; where it does not, System.Text.Json refuses the file).
    private static string Text(Random random, bool required)
    {
        if (random.Next(required ? 60 : 4) == 0)
        {
            return null!;
        }

        var parts = new List<string>();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            parts.Add(random.Next(3) == 0 ? "Văn An" : Pieces[random.Next(Pieces.Length)]);
        }

        return string.Concat(parts);
    }

    private sealed record ForeignEvent(LocalDate Date) : CaseEvent(Date)
    {
        public override EventKind Kind => EventKind.CeremonyHeld;
    }
}
