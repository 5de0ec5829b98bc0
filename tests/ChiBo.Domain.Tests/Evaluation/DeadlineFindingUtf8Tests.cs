using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using ChiBo.Calendar;
using ChiBo.Evaluation;
using ChiBo.Serialization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace ChiBo.Domain.Tests.Evaluation;

/// <summary>
/// Issue 17, the sweep's CPU (branch utf8tmpl): a deadline's finding is written by filling its interpolated strings
/// straight as the UTF-8 of JSON strings (<see cref="DeadlineFindings.TryWriteUtf8"/>), its literal parts escaped once;
/// the bytes must be System.Text.Json's writing the finding's two strings (<see cref="DeadlineFindings.TextOf"/>, which
/// the same strings fill as characters), for every action, status and kind of date; and a part the encoder would escape
/// must send the finding down the characters' road, still with System.Text.Json's bytes.
/// </summary>
public class DeadlineFindingUtf8Tests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    private static readonly JsonWriterOptions Compact = new() { Encoder = ChiBoJson.CompactOptions.Encoder, SkipValidation = true };

    private static readonly JsonWriterOptions Indented = new()
    {
        Encoder = ChiBoJson.Options.Encoder,
        Indented = true,
        IndentCharacter = ChiBoJson.Options.IndentCharacter,
        IndentSize = ChiBoJson.Options.IndentSize,
        NewLine = ChiBoJson.Options.NewLine,
        SkipValidation = true,
    };

    private static (string Text, bool Utf8) Written(Deadline d, LocalDate asOf, int? late, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        bool utf8;
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            utf8 = DeadlineFindings.TryWriteUtf8(json, d, asOf, late, Calendar);
            if (!utf8)
            {
                DeadlineFindings.Write(json, d, asOf, late, Calendar);
            }
        }

        return (Encoding.UTF8.GetString(buffer.WrittenSpan), utf8);
    }

    private static string Expected(Deadline d, LocalDate asOf, int? late, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(DeadlineFindings.TextOf(d, asOf, late, Calendar), options);

    private static IEnumerable<(Deadline Deadline, LocalDate AsOf, int? Late)> Deadlines()
    {
        var days = new[] { new LocalDate(2019, 4, 19), new LocalDate(2024, 2, 29), new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31) };
        foreach (var action in Enum.GetValues<DeadlineAction>())
        {
            foreach (var status in Enum.GetValues<DeadlineStatus>())
            {
                foreach (var start in days)
                {
                    var due = start.Year < 9999 ? start.PlusDays(40) : start;
                    foreach (var done in new LocalDate?[] { null, due.PlusDays(-3), due, start.Year < 9999 ? due.PlusDays(9) : due })
                    {
                        foreach (var late in new int?[] { null, 0, 1, 12 })
                        {
                            foreach (var asOf in new[] { start, due.PlusDays(-1), start.Year < 9999 ? due.PlusDays(30) : due })
                            {
                                yield return (new Deadline(action, start, due, status, "nguồn") { Done = done, WorkingDaysLate = late }, asOf, late);
                            }
                        }
                    }
                }
            }
        }
    }

    // Every action, status, done or not, early and late, at the first and last four-digit years: UTF-8 road taken, and
    // System.Text.Json's bytes compact and indented.
    [Fact]
    public void Every_kind_of_deadline_finding_is_written_from_UTF_8_as_System_Text_Json_writes_its_text()
    {
        var count = 0;
        foreach (var (deadline, asOf, late) in Deadlines())
        {
            var compact = Written(deadline, asOf, late, Compact);
            Assert.True(compact.Utf8, $"{deadline}: not written from UTF-8");
            Assert.Equal(Expected(deadline, asOf, late, ChiBoJson.CompactOptions), compact.Text);
            Assert.Equal(Expected(deadline, asOf, late, ChiBoJson.Options), Written(deadline, asOf, late, Indented).Text);
            count++;
        }

        Assert.True(count > 1000);
    }

    // Dates before year 1 or after 9999 are said by NodaTime's patterns (a sign, more digits): still the same bytes.
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Any_dates_give_System_Text_Json_s_bytes()
    {
        var dates = Gen.Choose(-9998, 9999).SelectMany(year => Gen.Choose(1, 12).SelectMany(month =>
            Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month)).Select(day => new LocalDate(year, month, day))));
        var lates = Gen.Elements<int?>(null, 0, 1, 2, 250, -4);
        return Prop.ForAll(dates.ToArbitrary(), dates.ToArbitrary(), lates.ToArbitrary(), (start, due, late) =>
        {
            foreach (var action in Enum.GetValues<DeadlineAction>())
            {
                foreach (var status in Enum.GetValues<DeadlineStatus>())
                {
                    var deadline = new Deadline(action, start, due, status, "s") { Done = late is null ? null : due, WorkingDaysLate = late };
                    var asOf = start;
                    string expected;
                    try
                    {
                        expected = Expected(deadline, asOf, late, ChiBoJson.CompactOptions);
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        continue;
                    }

                    Assert.Equal(expected, Written(deadline, asOf, late, Compact).Text);
                }
            }
        });
    }

    // A number written by a culture whose signs the encoder escapes (a quote for the minus, a control character for the
    // plus): the UTF-8 road refuses the finding, the characters' road writes it, and the bytes are System.Text.Json's.
    [Fact]
    public void A_part_the_encoder_escapes_takes_the_characters_road()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\"\u0001";
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var deadline = new Deadline(DeadlineAction.HoldCeremony, new LocalDate(2019, 4, 19), new LocalDate(2019, 6, 4), DeadlineStatus.Overdue, "s") { WorkingDaysLate = -3 };
            var written = Written(deadline, new LocalDate(2019, 7, 1), -3, Compact);
            Assert.False(written.Utf8);
            Assert.Contains("\\\"\\u0001", written.Text, StringComparison.Ordinal);
            Assert.Equal(Expected(deadline, new LocalDate(2019, 7, 1), -3, ChiBoJson.CompactOptions), written.Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    // Without an encoder (a writer with the default one), the characters' road, to the default encoder's bytes.
    [Fact]
    public void A_writer_without_an_encoder_takes_the_characters_road()
    {
        var deadline = new Deadline(DeadlineAction.HoldCeremony, new LocalDate(2019, 4, 19), new LocalDate(2019, 6, 4), DeadlineStatus.MetLate, "s") { Done = new LocalDate(2019, 6, 14), WorkingDaysLate = 8 };
        var written = Written(deadline, new LocalDate(2019, 7, 1), 8, new JsonWriterOptions());
        Assert.False(written.Utf8);
        var text = DeadlineFindings.TextOf(deadline, new LocalDate(2019, 7, 1), 8, Calendar);
        Assert.Equal($"{{\"vi\":{JsonSerializer.Serialize(text.Vi)},\"en\":{JsonSerializer.Serialize(text.En)}}}", written.Text);
    }
}
