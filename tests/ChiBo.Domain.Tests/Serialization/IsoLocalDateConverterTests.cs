using System;
using System.Text;
using System.Text.Json;
using ChiBo.Serialization;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace ChiBo.Tests.Serialization;

/// <summary>ChiBo's own LocalDate converter reads and writes exactly what NodaTime's ISO date pattern does.</summary>
public class IsoLocalDateConverterTests
{
    [Property(MaxTest = 500)]
    public bool Any_date_is_written_as_NodaTime_writes_it_and_read_back(int dayNumber)
    {
        var date = new LocalDate(-9998, 1, 1).PlusDays(Math.Abs(dayNumber % 7_300_000));
        var json = JsonSerializer.Serialize(date, ChiBoJson.Options);
        return json == $"\"{LocalDatePattern.Iso.Format(date)}\"" && JsonSerializer.Deserialize<LocalDate>(json, ChiBoJson.Options) == date;
    }

    [Theory]
    [InlineData("2019-08-20")]
    [InlineData("2020-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("-0001-03-01")]
    [InlineData("2019-2-3")]
    [InlineData("2019-02-30")]
    [InlineData("2019-13-01")]
    [InlineData("2019-00-10")]
    [InlineData("2019-01-00")]
    [InlineData("2021-02-29")]
    [InlineData(" 2019-01-01")]
    [InlineData("2019-01-01 ")]
    [InlineData("20190101")]
    [InlineData("2019/01/01")]
    [InlineData("2019-01-01T00:00")]
    [InlineData("+2019-01-01")]
    [InlineData("10000-01-01")]
    [InlineData("")]
    [InlineData("２０１９-01-01")]
    public void A_text_is_a_date_exactly_when_NodaTime_ISO_pattern_parses_it(string text)
    {
        var expected = LocalDatePattern.Iso.Parse(text);
        var ok = IsoLocalDateConverter.TryParse(Encoding.UTF8.GetBytes(text), out var date);
        Assert.Equal(expected.Success, ok);
        if (ok)
        {
            Assert.Equal(expected.Value, date);
        }
    }

    [Fact]
    public void A_date_that_does_not_exist_fails_with_the_value_in_the_message()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>("\"2019-02-30\"", ChiBoJson.Options));
        Assert.Contains("2019-02-30", ex.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escaped_date_is_read()
    {
        Assert.Equal(new LocalDate(2019, 8, 20), JsonSerializer.Deserialize<LocalDate>("\"2019\\u002d08-20\"", ChiBoJson.Options));
    }

    [Fact]
    public void A_number_is_not_a_date()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>("20190820", ChiBoJson.Options));
    }
}
