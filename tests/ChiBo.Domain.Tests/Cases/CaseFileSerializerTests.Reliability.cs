using System;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using Xunit;

namespace ChiBo.Tests.Cases;

/// <summary>
/// Inputs the fuzzers found or the limits promise (docs/reliability.md): each is a typed error that names its place,
/// never an exception.
/// </summary>
public partial class CaseFileSerializerTests
{
    private static CaseFileError SingleError(string json)
    {
        var result = CaseFileSerializer.Read(json, "test.case.json");
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    // Found by fuzzing: System.Text.Json throws NotSupportedException, not JsonException, for a missing discriminator.
    [Fact]
    public void Event_without_a_type_is_an_error_naming_the_event()
    {
        var error = Assert.Single(ReadWithEvents("""{ "type": "identifiedAsSource", "date": "2018-09-20" }, { "date": "2019-02-03" }""").Errors);
        Assert.Equal("event.missingType", error.Code);
        Assert.Equal(1, error.EventIndex);
        Assert.Equal("$.events[1]", error.Path);
        Assert.NotNull(error.Line);
        Assert.Contains("no 'type'", error.Message);
    }

    // Found by fuzzing: the constructor's checks gave an error without a place.
    [Fact]
    public void Unsupported_format_version_names_its_line_and_path()
    {
        var error = SingleError(Header.Replace("\"formatVersion\": 1", "\"formatVersion\": 0") + "\"events\": []}");
        Assert.Equal("$.formatVersion", error.Path);
        Assert.Equal(2, error.Line);
        Assert.Equal("formatVersion must be 1, not 0", error.Message);
    }

    [Fact]
    public void Extensions_that_are_not_an_object_name_their_path()
    {
        var error = SingleError(Header + "\"events\": [],\n\"extensions\": [1]}");
        Assert.Equal("$.extensions", error.Path);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_null_event_names_the_events_array()
    {
        var error = Assert.Single(ReadWithEvents("null").Errors);
        Assert.Equal("$.events", error.Path);
        Assert.NotNull(error.Line);
    }

    // Found by fuzzing: invalid UTF-8 in an extensions key was kept raw and written back differently each time.
    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused_at_the_first_bad_byte()
    {
        var text = Header + "\"events\": [],\n\"extensions\": { \"hoSo\": 1 }\n}";
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var at = text.IndexOf("hoSo", StringComparison.Ordinal) + 4 + (Encoding.UTF8.GetByteCount(text) - text.Length);
        bytes.Insert(at, 0xFF);
        var error = Assert.Single(CaseFileSerializer.Read(bytes.ToArray(), "bad.case.json").Errors);
        Assert.Equal("json.encoding", error.Code);
        Assert.Equal(6, error.Line); // "extensions": { "hoSo<0xFF>": 1 }
        Assert.Equal(22, error.Column);
        Assert.Contains("0xFF", error.Message);
    }

    [Theory]
    [InlineData("C0AF")]     // overlong '/'
    [InlineData("EDA080")]   // a UTF-16 surrogate encoded in UTF-8
    [InlineData("E282")]     // a sequence cut short
    [InlineData("80")]       // a continuation byte alone
    public void Each_kind_of_invalid_UTF8_is_an_encoding_error(string hex)
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\"events\": []}").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'x'), Convert.FromHexString(hex));
        Assert.Equal("json.encoding", Assert.Single(CaseFileSerializer.Read(bytes.ToArray()).Errors).Code);
    }

    // A duplicate key is an error (ChiBoJson: AllowDuplicateProperties = false): a typo or a bad merge must not
    // pass silently as "the last one wins".
    [Theory]
    [InlineData("\"events\": [], \"events\": [] }", "$.events", "events")]
    [InlineData("\"events\": [], \"Events\": [] }", "$.Events", "events")]
    [InlineData("\"events\": [ { \"type\": \"ceremonyHeld\", \"date\": \"2019-01-01\", \"date\": \"2019-01-02\" } ] }", "$.events[0].date", "date")]
    [InlineData("\"events\": [ { \"type\": \"ceremonyHeld\", \"type\": \"expelled\", \"date\": \"2019-01-01\" } ] }", "$.events[0].type", "type")]
    [InlineData("\"events\": [], \"extensions\": { \"a\": 1, \"a\": 2 } }", "$.extensions", "a")]
    public void A_property_written_twice_is_an_error_at_its_place(string tail, string path, string name)
    {
        var error = SingleError(Header + tail);
        Assert.Equal("json.duplicateProperty", error.Code);
        Assert.Equal(path, error.Path);
        Assert.NotNull(error.Line);
        Assert.Contains($"'{name}' is written twice", error.Message);
    }

    [Fact]
    public void Extensions_keys_differing_only_in_case_are_distinct_host_data()
    {
        var c = CaseFileSerializer.Read(Header + "\"events\": [], \"extensions\": { \"a\": 1, \"A\": 2 } }").GetValueOrThrow();
        Assert.Equal(2, c.Extensions!.Value.EnumerateObject().Count());
    }

    // The rules compute "in favour × 3 ≥ members × 2" in whole numbers: 750,000,000 of 1,000,000,000 would overflow.
    [Fact]
    public void Vote_counting_more_than_MaxVoteMembers_is_refused()
    {
        var error = Assert.Single(ReadWithEvents("""{ "type": "cellVoted", "date": "2019-05-06", "purpose": "admission", "inFavour": 750000000, "fullMembers": 1000000000 }""").Errors);
        Assert.Equal("event.invalid", error.Code);
        Assert.Equal(0, error.EventIndex);
        Assert.Contains($"at most {CaseFileSerializer.MaxVoteMembers}", error.Message);
        Assert.True(ReadWithEvents($$"""{ "type": "cellVoted", "date": "2019-05-06", "purpose": "admission", "inFavour": 1, "fullMembers": {{CaseFileSerializer.MaxVoteMembers}} }""").IsValid);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("2147483648")]
    [InlineData("1.5")]
    [InlineData("\"9\"")]
    public void Number_that_is_not_a_32_bit_whole_number_is_a_type_error_at_its_path(string number)
    {
        var error = Assert.Single(ReadWithEvents($$"""{ "type": "cellVoted", "date": "2019-05-06", "purpose": "admission", "inFavour": {{number}}, "fullMembers": 12 }""").Errors);
        Assert.Equal("json.wrongType", error.Code);
        Assert.Equal("$.events[0].inFavour", error.Path);
        Assert.Equal(0, error.EventIndex);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_an_error_with_a_line()
    {
        var error = SingleError(Header + "\"events\": [], \"extensions\": { \"a\": " + new string('[', 100) + new string(']', 100) + " } }");
        Assert.Equal("json.syntax", error.Code);
        Assert.NotNull(error.Line);
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"case\"")]
    public void A_document_that_is_not_a_case_object_names_its_place(string json)
    {
        var error = SingleError(json);
        Assert.True(error.Line is not null || error.Path is not null, error.ToString());
    }

    // Limits (docs/reliability.md): MaxEvents events per case, MaxFileBytes bytes per file.
    [Fact]
    public void MaxEvents_events_are_read_and_one_more_is_refused()
    {
        var events = string.Join(",", Enumerable.Repeat("""{"type":"helperAssigned","date":"2019-01-01","memberId":"dv"}""", CaseFileSerializer.MaxEvents));
        Assert.True(ReadWithEvents(events).IsValid);
        var error = Assert.Single(ReadWithEvents(events + """,{"type":"helperAssigned","date":"2019-01-01","memberId":"dv"}""").Errors);
        Assert.Equal("$.events", error.Path);
        Assert.Contains($"at most {CaseFileSerializer.MaxEvents}", error.Message);
    }

    [Fact]
    public void A_file_over_MaxFileBytes_is_refused_from_bytes_text_and_stream()
    {
        var text = Header + "\"events\": [], \"extensions\": { \"padding\": \"" + new string('a', CaseFileSerializer.MaxFileBytes) + "\" } }";
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var result in new[]
                 {
                     CaseFileSerializer.Read(bytes, "big.case.json"),
                     CaseFileSerializer.Read(text, "big.case.json"),
                     CaseFileSerializer.Read(new MemoryStream(bytes), "big.case.json"),
                     CaseFileSerializer.Read(new UnseekableStream(bytes.Length), "big.case.json"),
                 })
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("file.tooLarge", error.Code);
            Assert.Equal("$", error.Path);
            Assert.Equal("big.case.json", error.File);
        }
    }

    [Fact]
    public void A_100_MB_stream_is_refused_without_being_read_whole()
    {
        var stream = new UnseekableStream(100L * 1024 * 1024);
        Assert.Equal("file.tooLarge", Assert.Single(CaseFileSerializer.Read(stream).Errors).Code);
        Assert.Equal(CaseFileSerializer.MaxFileBytes + 1, stream.BytesRead);

        var seekable = new UnseekableStream(100L * 1024 * 1024, canSeek: true);
        Assert.Equal("file.tooLarge", Assert.Single(CaseFileSerializer.Read(seekable).Errors).Code);
        Assert.Equal(0, seekable.BytesRead);
    }

    [Fact]
    public void A_stream_of_exactly_MaxFileBytes_is_read()
    {
        var prefix = Header + "\"events\": [], \"extensions\": { \"padding\": \"";
        const string suffix = "\" } }";
        var text = prefix + new string('a', CaseFileSerializer.MaxFileBytes - Encoding.UTF8.GetByteCount(prefix) - suffix.Length) + suffix;
        Assert.Equal(CaseFileSerializer.MaxFileBytes, Encoding.UTF8.GetByteCount(text));
        Assert.True(CaseFileSerializer.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))).IsValid);
        Assert.True(CaseFileSerializer.Read(text).IsValid);
    }

    /// <summary>A stream of spaces of a given length, counting what was read; seekable or not.</summary>
    private sealed class UnseekableStream(long length, bool canSeek = false) : Stream
    {
        private long position;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => canSeek;

        public override bool CanWrite => false;

        public override long Length => canSeek ? length : throw new NotSupportedException();

        public override long Position
        {
            get => canSeek ? position : throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            position += n;
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
