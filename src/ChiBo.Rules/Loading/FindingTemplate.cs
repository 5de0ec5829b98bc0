using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiBo.Rules.Expressions;
using ChiBo.Rules.Facts;
using ChiBo.Serialization;
using ChiBo.Text;
using NodaTime;

namespace ChiBo.Rules.Loading;

/// <summary>
/// A rule's <c>finding</c> (kết quả xét): a template in both languages that states what happened when the rule fails,
/// over the facts the rule judged. Placeholders, checked when the rule set loads (an unknown name or a wrong format is
/// <c>rule.finding</c>, with the rule, the line and "did you mean"):
/// <list type="bullet">
/// <item><c>{vote.inFavour}</c>: any name of the rule language (<c>group.member</c>), a number;</item>
/// <item><c>{params.voteNumerator}</c>: a parameter of the rule set;</item>
/// <item><c>{ceremony.due}</c>, <c>{vote.needed}</c>…: a computed fact (<see cref="FindingFacts.Computed"/>); a date is
/// written dd/MM/yyyy in Vietnamese, ISO in English;</item>
/// <item><c>{age.months:years}</c>: a number of months said as an age ("17 tuổi 11 tháng");</item>
/// <item><c>{dossier.applicationSubmitted?đã nộp|chưa nộp}</c>: a yes/no fact chooses between two texts (every yes/no
/// fact is written so: a bare <c>true</c> would be no finding a reader can use).</item>
/// </list>
/// An education level (<c>education.level</c>, <c>params.minEducationLevel</c>) is said by its name.
/// </summary>
internal sealed partial class FindingTemplate
{
    private readonly Segment[] vi;
    private readonly Segment[] en;

    private FindingTemplate(Segment[] vi, Segment[] en, ImmutableArray<string> names)
    {
        this.vi = vi;
        this.en = en;
        Names = names;
    }

    /// <summary>The names the template reads, in the order first written (Vietnamese first).</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Every name a template may read, for messages and documentation.</summary>
    public static IEnumerable<string> KnownNames() => Kinds.Keys.OrderBy(n => n, StringComparer.Ordinal);

    /// <summary>The kind of each readable name: the rule language's, the parameters, the computed facts.</summary>
    private static readonly ImmutableDictionary<string, FindingValueKind> Kinds = BuildKinds();

    private static ImmutableDictionary<string, FindingValueKind> BuildKinds()
    {
        var kinds = new Dictionary<string, FindingValueKind>(StringComparer.Ordinal);
        foreach (var (group, property) in RuleLanguage.Groups)
        {
            foreach (var member in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType.IsPrimitive))
            {
                kinds[$"{group}.{RuleLanguage.CamelCase(member.Name)}"] = member.PropertyType == typeof(bool) ? FindingValueKind.Flag : FindingValueKind.Number;
            }
        }

        foreach (var name in RuleParameters.Names)
        {
            kinds[$"{RuleLanguage.ParametersName}.{name}"] = FindingValueKind.Number;
        }

        foreach (var (name, kind) in FindingFacts.Computed)
        {
            kinds[name] = kind;
        }

        return kinds.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Each fact name of the rule language an expression reads (<c>vote.inFavour</c>, <c>params.voteNumerator</c>), in order, once.</summary>
    public static ImmutableArray<string> NamesIn(string expression) =>
        [.. NameInExpression().Matches(expression).Select(m => m.Value).Where(Kinds.ContainsKey).Distinct(StringComparer.Ordinal)];

    /// <summary>Parses a template in both languages, or returns the language (<c>vi</c> or <c>en</c>) and the first problem.</summary>
    public static FindingTemplate? Parse(LocalizedText text, out MessageProblem? problem)
    {
        var names = new List<string>();
        problem = null;
        var vi = Parse(text.Vi, "vi", names, ref problem);
        var en = problem is null ? Parse(text.En, "en", names, ref problem) : null;
        return problem is null ? new FindingTemplate(vi!, en!, [.. names.Distinct(StringComparer.Ordinal)]) : null;
    }

    private static Segment[]? Parse(string text, string language, List<string> names, ref MessageProblem? problem)
    {
        var at = 0;
        var segments = Parse(text, ref at, language, names, ref problem, nested: false);
        return problem is null ? segments : null;
    }

    /// <summary>
    /// Parses from <paramref name="at"/> to the end of the text, or, inside a choice (<paramref name="nested"/>), to the
    /// '|' or '}' that ends the branch (left at <paramref name="at"/>).
    /// </summary>
    private static Segment[]? Parse(string text, ref int at, string language, List<string> names, ref MessageProblem? problem, bool nested)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        while (at < text.Length && problem is null)
        {
            var ch = text[at];
            if (nested && (ch == '|' || ch == '}'))
            {
                break;
            }

            if (ch == '}')
            {
                problem = new MessageProblem(language, $"the '{language}' finding has a '}}' at character {at + 1} that closes no placeholder; braces are only for placeholders such as {{vote.inFavour}}");
                break;
            }

            if (ch != '{')
            {
                literal.Append(ch);
                at++;
                continue;
            }

            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), null, null, null, null));
                literal.Clear();
            }

            if (Placeholder(text, ref at, language, names, ref problem) is { } placeholder)
            {
                segments.Add(placeholder);
            }
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), null, null, null, null));
        }

        return problem is null ? [.. segments] : null;
    }

    /// <summary>One placeholder from the '{' at <paramref name="at"/> to its '}' (past which <paramref name="at"/> is left).</summary>
    private static Segment? Placeholder(string text, ref int at, string language, List<string> names, ref MessageProblem? problem)
    {
        var brace = at;
        var head = Head().Match(text, brace);
        string Quote()
        {
            var close = text.IndexOf('}', brace + 1);
            var end = close < 0 ? Math.Min(text.Length, brace + 40) : Math.Min(close + 1, brace + 60);
            return text[brace..end];
        }

        if (!head.Success)
        {
            problem = new MessageProblem(language,
                $"the '{language}' finding has '{Quote()}', which is not a placeholder: write {{group.name}}, {{group.name:years}} or {{group.flag?text if true|text if false}} exactly (no spaces inside the name)");
            return null;
        }

        var name = head.Groups["name"].Value;
        var format = head.Groups["format"];
        var choice = head.Groups["choice"].Success;
        if (!Kinds.TryGetValue(name, out var kind))
        {
            problem = new MessageProblem(language,
                $"the '{language}' finding names '{{{name}}}', which is not a fact a finding can read.{Suggestions.Hint(name, Kinds.Keys)} The names are those of the rule language (docs/rules-language.md), params.*, and the computed facts: {string.Join(", ", FindingFacts.Computed.Keys.OrderBy(k => k, StringComparer.Ordinal))}");
            return null;
        }

        if (format.Success && (format.Value != "years" || kind != FindingValueKind.Number || IsLevel(name)))
        {
            problem = new MessageProblem(language,
                $"the '{language}' finding has '{Quote()}': {(format.Value == "years" ? $"'{name}' is not a number of months" : $"the format '{format.Value}' does not exist (the only one is :years, for months said as an age)")}");
            return null;
        }

        if (choice != (kind == FindingValueKind.Flag))
        {
            problem = new MessageProblem(language, choice
                ? $"the '{language}' finding has '{Quote()}': only a yes/no fact chooses between two texts, and '{name}' is not one"
                : $"the '{language}' finding has '{Quote()}': '{name}' is a yes/no fact; write {{{name}?text if true|text if false}}");
            return null;
        }

        names.Add(name);
        at = brace + head.Length;
        if (!choice)
        {
            return new Segment(null, name, format.Success ? format.Value : null, null, null);
        }

        var yes = Parse(text, ref at, language, names, ref problem, nested: true);
        if (problem is not null)
        {
            return null;
        }

        if (at >= text.Length || text[at] != '|')
        {
            problem = new MessageProblem(language, $"the '{language}' finding has '{Quote()}': a choice needs two texts, {{{name}?text if true|text if false}}");
            return null;
        }

        at++;
        var no = Parse(text, ref at, language, names, ref problem, nested: true);
        if (problem is not null)
        {
            return null;
        }

        if (at >= text.Length || text[at] != '}')
        {
            problem = new MessageProblem(language, $"the '{language}' finding has '{Quote()}': a choice has two texts only, and ends with '}}'");
            return null;
        }

        at++;
        return new Segment(null, name, null, yes, no);
    }

    /// <summary>The template filled with a case's facts.</summary>
    public LocalizedText Render(FindingFacts facts, string expression) =>
        new(Render(vi, facts, expression, vietnamese: true), Render(en, facts, expression, vietnamese: false));

    /// <summary>
    /// Writes the template filled with a case's facts as <c>{"vi":…,"en":…}</c>, the same bytes as writing
    /// <see cref="Render(FindingFacts, string)"/>'s text with <paramref name="json"/>, without a string per language. With
    /// the writer's encoder known (<see cref="Utf8Form"/>), each language is built as its JSON string's bytes in a
    /// reused byte buffer — the literal parts encoded to UTF-8 and escaped once per template, each filled value
    /// transcoded and checked — and copied whole (<see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>);
    /// a value the encoder would escape (none in the shipped rule sets) sends that language down the other road: filled
    /// into a reused buffer of characters and written with <see cref="Utf8JsonWriter.WriteStringValue(ReadOnlySpan{char})"/>.
    /// </summary>
    public void WriteTo(Utf8JsonWriter json, FindingFacts facts, string expression)
    {
        var form = Utf8For(json.Options.Encoder);
        json.WriteStartObject();
        json.WritePropertyName(ViName);
        WriteLanguage(json, form?.Vi, vi, form?.Encoder, facts, expression, vietnamese: true);
        json.WritePropertyName(EnName);
        WriteLanguage(json, form?.En, en, form?.Encoder, facts, expression, vietnamese: false);
        json.WriteEndObject();
    }

    private static readonly JsonEncodedText ViName = JsonEncodedText.Encode("vi");
    private static readonly JsonEncodedText EnName = JsonEncodedText.Encode("en");

    private static void WriteLanguage(Utf8JsonWriter json, Utf8Segment[]? utf8, Segment[] segments, JavaScriptEncoder? encoder, FindingFacts facts, string expression, bool vietnamese)
    {
        if (utf8 is not null)
        {
            var bytes = TakeBytes();
            bytes.Append((byte)'"');
            if (RenderUtf8(bytes, utf8, encoder!, facts, expression, vietnamese))
            {
                bytes.Append((byte)'"');
                json.WriteRawValue(bytes.Written, skipInputValidation: true);
                ReturnBytes(bytes);
                return;
            }

            ReturnBytes(bytes);
        }

        var text = TakeBuffer();
        Render(text, segments, facts, expression, vietnamese);
        json.WriteStringValue(text.Written);
        ReturnBuffer(text);
    }

    /// <summary>
    /// The template's literal parts as the bytes <paramref name="encoder"/> writes for them in a JSON string (UTF-8,
    /// escaped), made at the first write with that encoder (the shared options' encoder, in practice) and kept; null
    /// when there is no encoder (the default one is not taken for granted) or a literal begins or ends with half of a
    /// surrogate pair, where escaping the parts apart could differ from escaping the whole.
    /// </summary>
    internal Utf8Form? Utf8For(JavaScriptEncoder? encoder)
    {
        if (encoder is null)
        {
            return null;
        }

        var form = utf8Form;
        if (form is not null && ReferenceEquals(form.Encoder, encoder))
        {
            return form.Usable ? form : null;
        }

        // Made again (and published whole) for another encoder; two threads racing make two equal forms and keep one.
        var viForm = Encode(vi, encoder);
        var enForm = viForm is null ? null : Encode(en, encoder);
        form = new Utf8Form(encoder, viForm, enForm);
        utf8Form = form;
        return form.Usable ? form : null;
    }

    private Utf8Form? utf8Form;

    private static Utf8Segment[]? Encode(Segment[] segments, JavaScriptEncoder encoder)
    {
        var encoded = new Utf8Segment[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Literal is { } literal)
            {
                if (JsonStringBuffer.Escaped(literal, encoder) is not { } json)
                {
                    return null;
                }

                encoded[i] = new Utf8Segment(segment, json, null, null);
            }
            else
            {
                Utf8Segment[]? yes = null, no = null;
                if ((segment.Yes is not null && (yes = Encode(segment.Yes, encoder)) is null)
                    || (segment.No is not null && (no = Encode(segment.No, encoder)) is null))
                {
                    return null;
                }

                encoded[i] = new Utf8Segment(segment, null, yes, no);
            }
        }

        return encoded;
    }

    /// <summary>
    /// Fills the template as its JSON string's bytes; false when a filled value is one the encoder would escape or is not
    /// valid UTF-16 (then the caller writes this language from characters).
    /// </summary>
    private static bool RenderUtf8(JsonStringBuffer bytes, Utf8Segment[] segments, JavaScriptEncoder encoder, FindingFacts facts, string expression, bool vietnamese)
    {
        foreach (var part in segments)
        {
            if (part.Literal is { } literal)
            {
                bytes.Append(literal);
                continue;
            }

            var segment = part.Segment;
            var value = Value(segment.Name!, facts, expression);
            if (value is bool flag)
            {
                if ((flag ? part.Yes : part.No) is { } branch && !RenderUtf8(bytes, branch, encoder, facts, expression, vietnamese))
                {
                    return false;
                }

                continue;
            }

            var text = TakeBuffer();
            RenderValue(text, segment, value, facts, expression, vietnamese);
            var fits = bytes.AppendUnescaped(text.Written, encoder);
            ReturnBuffer(text);
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A template's parts for one encoder: each literal as its escaped UTF-8, each placeholder as it was parsed.</summary>
    internal sealed class Utf8Form(JavaScriptEncoder encoder, Utf8Segment[]? vi, Utf8Segment[]? en)
    {
        public JavaScriptEncoder Encoder => encoder;

        public Utf8Segment[]? Vi => vi;

        public Utf8Segment[]? En => en;

        public bool Usable => vi is not null && en is not null;
    }

    /// <summary>One part of a template for one encoder: a literal's escaped UTF-8, or a placeholder (and a choice's two branches).</summary>
    internal sealed record Utf8Segment(Segment Segment, byte[]? Literal, Utf8Segment[]? Yes, Utf8Segment[]? No);

    // One byte buffer per thread, reused, taken while writing (as the buffer of characters below).
    [ThreadStatic]
    private static JsonStringBuffer? bytesBuffer;

    private static JsonStringBuffer TakeBytes()
    {
        var bytes = bytesBuffer ?? new JsonStringBuffer();
        bytesBuffer = null;
        bytes.Clear();
        return bytes;
    }

    private static void ReturnBytes(JsonStringBuffer bytes)
    {
        if (bytes.Capacity <= 16384)
        {
            bytesBuffer = bytes;
        }
    }

    /// <summary>The value of a readable name in a case: an int, a bool, a LocalDate, a LocalizedText, or null when unknown.</summary>
    public static object? Value(string name, FindingFacts facts, string expression) => facts.Value(name, expression);

    private static string Render(Segment[] segments, FindingFacts facts, string expression, bool vietnamese)
    {
        var text = TakeBuffer();
        Render(text, segments, facts, expression, vietnamese);
        var rendered = text.ToString();
        ReturnBuffer(text);
        return rendered;
    }

    // One buffer per thread, reused: a sweep renders millions of findings. Taken while rendering, so that a rendering
    // inside this one (none today) would make its own.
    [ThreadStatic]
    private static TextBuffer? buffer;

    private static TextBuffer TakeBuffer()
    {
        var text = buffer ?? new TextBuffer();
        buffer = null;
        text.Clear();
        return text;
    }

    private static void ReturnBuffer(TextBuffer text)
    {
        if (text.Capacity <= 4096)
        {
            buffer = text;
        }
    }

    private static void Render(TextBuffer text, Segment[] segments, FindingFacts facts, string expression, bool vietnamese)
    {
        foreach (var segment in segments)
        {
            if (segment.Literal is { } literal)
            {
                text.Append(literal);
                continue;
            }

            var value = Value(segment.Name!, facts, expression);
            if (value is bool flag)
            {
                Render(text, (flag ? segment.Yes : segment.No) ?? [], facts, expression, vietnamese);
            }
            else
            {
                RenderValue(text, segment, value, facts, expression, vietnamese);
            }
        }
    }

    /// <summary>A placeholder's value (not a yes/no, whose branch is rendered instead) in words.</summary>
    private static void RenderValue(TextBuffer text, Segment segment, object? value, FindingFacts facts, string expression, bool vietnamese)
    {
        var name = segment.Name!;
        switch (value)
        {
            case int number when IsLevel(name):
                if ((uint)number < (uint)MessageText.LevelsVi.Length)
                {
                    text.Append(vietnamese ? MessageText.LevelsVi[number] : MessageText.LevelsEn[number]);
                }
                else
                {
                    text.Append(number, CultureInfo.InvariantCulture);
                }

                break;
            case int months when segment.Format == "years":
                Years(text, months, vietnamese);
                break;
            case int number:
                text.Append(number, CultureInfo.InvariantCulture);
                break;
            case LocalDate date:
                text.Append(date, vietnamese ? Language.Vietnamese : Language.English);
                break;
            case LocalizedText words:
                text.Append(vietnamese ? words.Vi : words.En);
                break;
            case bool flag:
                Render(text, (flag ? segment.Yes : segment.No) ?? [], facts, expression, vietnamese);
                break;
            default:
                text.Append(vietnamese ? "(không rõ)" : "(unknown)");
                break;
        }
    }

    private static bool IsLevel(string name) => name is "education.level" or "params.minEducationLevel";

    /// <summary>
    /// Months said as an age: "17 tuổi 11 tháng" / "17 years 11 months", "18 tuổi" / "18 years"; the numbers formatted
    /// as an interpolated string formats them (the current culture), as this was written before.
    /// </summary>
    private static void Years(TextBuffer text, int months, bool vietnamese)
    {
        var (whole, rest) = (months / 12, months % 12);
        text.Append(whole, null);
        text.Append(vietnamese ? " tuổi" : " years");
        if (rest != 0)
        {
            text.Append(' ');
            text.Append(rest, null);
            text.Append(vietnamese ? " tháng" : " months");
        }
    }

    internal sealed record Segment(string? Literal, string? Name, string? Format, Segment[]? Yes, Segment[]? No);

    /// <summary>A placeholder's head: '{', the name, an optional ':format', then '}' or the '?' of a choice.</summary>
    [GeneratedRegex(@"\G\{(?<name>[A-Za-z]+\.[A-Za-z]+)(:(?<format>[A-Za-z]+))?(\}|(?<choice>\?))", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    [GeneratedRegex(@"\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameInExpression();
}

/// <summary>A growable buffer of characters, reused to fill templates (a <see cref="StringBuilder"/> without its chunks).</summary>
internal sealed class TextBuffer
{
    private char[] chars = new char[256];

    /// <summary>The characters written.</summary>
    public ReadOnlySpan<char> Written => chars.AsSpan(0, Length);

    /// <summary>How many characters are written.</summary>
    public int Length { get; private set; }

    /// <summary>How many characters it holds without growing.</summary>
    public int Capacity => chars.Length;

    /// <summary>Forgets what was written.</summary>
    public void Clear() => Length = 0;

    /// <summary>Appends a text.</summary>
    public void Append(string value)
    {
        Room(value.Length);
        value.CopyTo(chars.AsSpan(Length));
        Length += value.Length;
    }

    /// <summary>Appends a character.</summary>
    public void Append(char value)
    {
        Room(1);
        chars[Length++] = value;
    }

    /// <summary>Appends a number as <c>number.ToString(provider)</c> writes it.</summary>
    public void Append(int value, IFormatProvider? provider)
    {
        int written;
        while (!value.TryFormat(chars.AsSpan(Length), out written, default, provider))
        {
            Room(chars.Length - Length + 1);
        }

        Length += written;
    }

    /// <summary>Appends a date as <see cref="Labels.Date(LocalDate, Language)"/> writes it.</summary>
    public void Append(LocalDate value, Language language)
    {
        int written;
        while (!Labels.TryFormatDate(value, language, chars.AsSpan(Length), out written))
        {
            Room(chars.Length - Length + 1);
        }

        Length += written;
    }

    /// <summary>The characters written, as a string.</summary>
    public override string ToString() => new(Written);

    private void Room(int more)
    {
        if (Length + more > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, Length + more));
        }
    }
}

