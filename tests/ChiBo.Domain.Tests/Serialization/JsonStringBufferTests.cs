using System;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChiBo.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ChiBo.Domain.Tests.Serialization;

/// <summary>
/// Issue 17, branch utf8tmpl: the buffer the findings' JSON strings are built in copies a value only when a JSON writer
/// with the shared encoder would copy it unchanged, and escapes a literal part exactly as that writer does.
/// </summary>
public class JsonStringBufferTests
{
    private static readonly JavaScriptEncoder Encoder = ChiBoJson.CompactOptions.Encoder!;

    // Characters the shared encoder escapes or that are hard to split, and plain ones (see FindingTemplateUtf8Tests).
    private static readonly string[] Odd =
    [
        "a", " ", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "\u007f", "<", ">", "&", "'", "+", "`", "/", "ệ", "ữ", "Đ", "ngày ",
        "\u2028", "\u2029", "\ufeff", "\ud83d\ude00", "\ud800", "\udc00", "\ue000", "\u0378", "€", "\u00a0", "\u200b",
    ];

    private static string Serialized(string value)
    {
        try
        {
            return JsonSerializer.Serialize(value, ChiBoJson.CompactOptions);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return "throws";
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property A_value_is_copied_only_when_the_writer_would_copy_it()
    {
        var values = Gen.Elements(Odd).ListOf().Select(parts => string.Concat(parts));
        return Prop.ForAll(values.ToArbitrary(), value =>
        {
            var bytes = new JsonStringBuffer();
            bytes.Append((byte)'x');
            var copied = bytes.AppendUnescaped(value, Encoder);
            var written = Serialized(value);
            if (copied)
            {
                Assert.Equal(written, "\"" + Encoding.UTF8.GetString(bytes.Written[1..]) + "\"");
                Assert.Equal(Encoding.UTF8.GetBytes(value), bytes.Written[1..].ToArray());
            }
            else
            {
                Assert.Equal(1, bytes.Length);
                Assert.NotEqual("\"" + value + "\"", written);
            }
        });
    }

    // A literal part escaped alone is what the writer writes for it; joined with other parts (none of which begins or
    // ends with half a surrogate pair, else it is refused), the parts are the writer's bytes for the whole text.
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Escaped_parts_joined_are_the_escaped_whole()
    {
        var parts = Gen.Elements(Odd).ListOf().Select(p => string.Concat(p)).ListOf();
        return Prop.ForAll(parts.ToArbitrary(), texts =>
        {
            var escaped = texts.Select(t => JsonStringBuffer.Escaped(t, Encoder)).ToArray();
            if (escaped.Any(e => e is null))
            {
                Assert.Contains(texts, t => t.Length > 0 && (char.IsSurrogate(t[0]) || char.IsSurrogate(t[^1])) || Serialized(t) == "throws");
                return;
            }

            Assert.Equal(Serialized(string.Concat(texts)), "\"" + Encoding.UTF8.GetString(escaped.SelectMany(e => e!).ToArray()) + "\"");
        });
    }

    [Theory]
    [InlineData("17 tuổi 11 tháng", true)]
    [InlineData("04/06/2019", true)]
    [InlineData("2019-06-04", true)]
    [InlineData("-12", true)]
    [InlineData("(không rõ)", true)]
    [InlineData("<b>&'+", true)]
    [InlineData("\ud83d\ude00", false)]
    [InlineData("say \"x\"", false)]
    [InlineData("a\\b", false)]
    [InlineData("line\nbreak", false)]
    [InlineData("\u2028", false)]
    public void A_value_is_copied_or_refused(string value, bool copied)
    {
        var bytes = new JsonStringBuffer();
        Assert.Equal(copied, bytes.AppendUnescaped(value, Encoder));
        Assert.Equal(copied ? Encoding.UTF8.GetByteCount(value) : 0, bytes.Length);
    }

    // The ASCII characters are copied one by one while the encoder leaves each alone (a table made once per encoder):
    // every one of the 128, alone and after a plain prefix, is copied exactly when the writer copies it.
    [Fact]
    public void Every_ASCII_character_is_copied_exactly_when_the_writer_copies_it()
    {
        for (var c = 0; c < 128; c++)
        {
            foreach (var value in new[] { ((char)c).ToString(), "2019-06-" + (char)c, (char)c + "ệ" })
            {
                var bytes = new JsonStringBuffer();
                Assert.Equal(Serialized(value) == "\"" + value + "\"", bytes.AppendUnescaped(value, Encoder));
            }
        }
    }

    // Lone halves of a surrogate pair (not in InlineData, whose serialisation would replace them): never copied, and a
    // literal beginning or ending with one has no escaped form.
    [Fact]
    public void A_lone_half_of_a_pair_is_refused()
    {
        foreach (var value in new[] { "\ud800", "x\udc00", "\ude00\ud83d", "ok\ud83d" })
        {
            var bytes = new JsonStringBuffer();
            Assert.False(bytes.AppendUnescaped(value, Encoder));
            Assert.Equal(0, bytes.Length);
        }

        Assert.Null(JsonStringBuffer.Escaped("\ud83dabc", Encoder));
        Assert.Null(JsonStringBuffer.Escaped("abc\ude00", Encoder));
        Assert.NotNull(JsonStringBuffer.Escaped("a\ud83d\ude00b", Encoder));
        Assert.Same(JsonStringBuffer.EscapedConstant("hằng", Encoder), JsonStringBuffer.EscapedConstant("hằng", Encoder));
    }
}
