using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChiBo.Tests.Fuzzing;

/// <summary>The ways <see cref="JsonMutator"/> breaks a JSON document.</summary>
public enum JsonMutation
{
    /// <summary>A property removed from an object (a missing field).</summary>
    RemoveProperty,

    /// <summary>A value replaced by one of another JSON kind (a string for a number, an array for an object…).</summary>
    WrongType,

    /// <summary>A value replaced by null.</summary>
    NullValue,

    /// <summary>A date replaced by one out of range or that does not exist (1899-12-31, 2019-02-30, 0001-01-01…).</summary>
    BadDate,

    /// <summary>A value replaced by a huge or odd number (1e400, 2^63, -2^31-1, 1.5, -0).</summary>
    HugeNumber,

    /// <summary>A string replaced by a very long one (10 k to 1 M characters, Vietnamese letters included).</summary>
    LongString,

    /// <summary>A value replaced by arrays or objects nested 20 to 1,000 deep.</summary>
    DeepNesting,

    /// <summary>A property written twice in its object (the second with another value).</summary>
    DuplicateKey,

    /// <summary>A property renamed: a typo, a case change, or a random name.</summary>
    RenameProperty,

    /// <summary>An unknown property added to an object.</summary>
    UnknownProperty,

    /// <summary>The items of an array shuffled (events in random order).</summary>
    ShuffleArray,

    /// <summary>An array item duplicated or removed.</summary>
    ArrayItem,

    /// <summary>Bytes that are not UTF-8 (0xFF, overlong, lone surrogates, truncated sequences) inserted.</summary>
    NonUtf8,

    /// <summary>The document cut short.</summary>
    Truncate,

    /// <summary>A few bytes replaced by random bytes.</summary>
    ByteFlip,

    /// <summary>A byte-order mark, comments, a trailing comma, or an empty or scalar document.</summary>
    Framing,

    /// <summary>
    /// A string replaced by a near miss of itself: a placeholder written almost right (<c>{Params.x}</c>,
    /// <c>{ params.x }</c>, <c>{params.x:unknownFormat}</c>, a lone brace), a list of names (<c>"a, b"</c>, which an
    /// enumeration reader may take for flags), a number in a string, the same name in another letter case.
    /// </summary>
    NearMissText,

    /// <summary>An array or object emptied (<c>[]</c>, <c>{}</c>): a list with nothing in it.</summary>
    EmptyContainer,

    /// <summary>
    /// A value of the member phase (issue 12) replaced by a bad one: a month (<c>yyyy-MM</c>) by <c>2024-13</c>,
    /// <c>2024-00</c>, <c>2024-1</c>, <c>2024-02-01</c>, <c>1899-12</c>, <c>9999-12</c>…; a rating or exemption
    /// grounds by a near miss (<c>notfullfilled</c>, <c>not_fulfilled</c>, <c>"good, excellent"</c>, <c>"3"</c>);
    /// a rated year by one out of range (1899, 2101, −1).
    /// </summary>
    MemberPhaseValue,
}

/// <summary>
/// Deterministic mutations of a valid JSON document for fuzzing the readers: the same bytes, mutation and seed
/// give the same output. Structural mutations work on a <see cref="JsonNode"/> tree and splice raw text where a
/// tree cannot hold it (duplicate keys, 1e400, deep nesting); byte mutations work on the UTF-8 bytes.
/// </summary>
public static class JsonMutator
{
    private const string MarkerPrefix = "@@chibo-fuzz-";

    private static readonly string[] BadMonths = ["2024-13", "2024-00", "2024-1", "24-01", "2024-02-01", "2024/02", "1899-12", "2101-01", "9999-12", "0000-01", "２０２４-01", "2024-1a", ""];
    private static readonly string[] MemberPhaseNames = ["excellent", "good", "fulfilled", "notFulfilled", "oldAge", "illness", "other"];
    private static readonly string[] BadMemberNames = ["notfullfilled", "not_fulfilled", "Not Fulfilled", "good, excellent", "3", "-1", "", "oldage ", "sick", "xuấtSắc"];
    private static readonly int[] BadYears = [1899, 2101, -1, 0, int.MaxValue, 10000];

    private static readonly string[] BadDates =
    [
        "1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31", "2019-02-30", "2019-13-01", "2019-00-10",
        "20190101", "2019-1-1", "", " 2019-01-01", "2019-01-01T00:00:00", "-0001-01-01", "1900-01-00",
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
        "1.5", "-0", "1E2", "0.0000001", "99999999999999999999999999999999999999", "4294967296", "-1",
        "2147483647", "-2147483648", "1e-400",
    ];

    private static readonly string[] InvalidUtf8 =
    [
        "FF", "FE", "C0AF", "C080", "EDA080", "EDBFBF", "F4908080", "E282", "80", "BF", "F8888080", "C3",
    ];

    /// <summary>Applies one mutation of the given kind.</summary>
    /// <param name="utf8Json">A valid JSON document (comments allowed).</param>
    /// <param name="mutation">What to break.</param>
    /// <param name="seed">The seed choosing where and how.</param>
    /// <returns>The mutated bytes and a short description of what was done.</returns>
    public static (byte[] Bytes, string Description) Mutate(byte[] utf8Json, JsonMutation mutation, int seed)
    {
        var random = new Random(seed);
        return mutation switch
        {
            JsonMutation.NonUtf8 => InsertInvalidUtf8(utf8Json, random),
            JsonMutation.Truncate => Truncate(utf8Json, random),
            JsonMutation.ByteFlip => FlipBytes(utf8Json, random),
            JsonMutation.Framing => Frame(utf8Json, random),
            _ => MutateTree(utf8Json, mutation, random),
        };
    }

    /// <summary>Applies one to three random mutations in a row.</summary>
    /// <param name="utf8Json">A valid JSON document.</param>
    /// <param name="seed">The seed choosing the mutations.</param>
    /// <returns>The mutated bytes and the description of each step.</returns>
    public static (byte[] Bytes, string Description) MutateRandomly(byte[] utf8Json, int seed)
    {
        var random = new Random(seed);

        // Structural mutations weigh three times as much as byte ones: a byte that is not UTF-8 ends the reading at
        // once, and would otherwise hide the mutations made with it.
        JsonMutation[] byteKinds = [JsonMutation.NonUtf8, JsonMutation.Truncate, JsonMutation.ByteFlip, JsonMutation.Framing];
        var kinds = Enum.GetValues<JsonMutation>().SelectMany(k => byteKinds.Contains(k) ? [k] : new[] { k, k, k }).ToArray();
        var steps = random.Next(1, 4);
        var bytes = utf8Json;
        var description = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            (bytes, var what) = Mutate(bytes, kind, random.Next());
            description.Add(what);
        }

        return (bytes, string.Join(" then ", description));
    }

    private static (byte[], string) MutateTree(byte[] utf8Json, JsonMutation mutation, Random random)
    {
        try
        {
            var root = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            var all = root is null ? [] : Walk(root).ToList();
            if (root is null || !all.Any(s => s.Parent is not null))
            {
                return Frame(utf8Json, random);
            }

            return MutateTree(root, all, mutation, random);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // An earlier step broke the document (or left a duplicate key the tree cannot hold): mutate bytes instead.
            return FlipBytes(utf8Json, random);
        }
    }

    private static (byte[], string) MutateTree(JsonNode root, List<Site> all, JsonMutation mutation, Random random)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        string Marker(string rawJson)
        {
            var key = MarkerPrefix + raw.Count.ToString(CultureInfo.InvariantCulture) + "@@";
            raw[key] = rawJson;
            return key;
        }

        string description;
        switch (mutation)
        {
            case JsonMutation.RemoveProperty:
            {
                var properties = all.Where(s => s.Key is not null).ToList();
                if (properties.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(properties, random);
                ((JsonObject)chosen.Parent!).Remove(chosen.Key!);
                description = $"removed {chosen.Path}";
                break;
            }

            case JsonMutation.WrongType:
            case JsonMutation.NullValue:
            {
                var chosen = Pick(all.Where(s => s.Parent is not null).ToList(), random);
                var replacement = mutation == JsonMutation.NullValue ? null : OtherKind(chosen.Node, random);
                Replace(chosen, replacement);
                description = $"{chosen.Path} := {replacement?.ToJsonString() ?? "null"}";
                break;
            }

            case JsonMutation.BadDate:
            {
                var dates = all.Where(s => s.Node is JsonValue v && v.TryGetValue<string>(out var text) && LooksLikeDate(text)).ToList();
                var targets = dates.Count > 0 ? dates : all.Where(s => s.Parent is not null).ToList();
                var chosen = Pick(targets, random);
                var bad = BadDates[random.Next(BadDates.Length)];
                Replace(chosen, JsonValue.Create(bad));
                description = $"{chosen.Path} := \"{bad}\"";
                break;
            }

            case JsonMutation.HugeNumber:
            {
                var numbers = all.Where(s => s.Node is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
                var targets = numbers.Count > 0 && random.Next(4) > 0 ? numbers : all.Where(s => s.Parent is not null).ToList();
                var chosen = Pick(targets, random);
                var number = HugeNumbers[random.Next(HugeNumbers.Length)];
                Replace(chosen, JsonValue.Create(Marker(number)));
                description = $"{chosen.Path} := {number}";
                break;
            }

            case JsonMutation.LongString:
            {
                var strings = all.Where(s => s.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
                var targets = strings.Count > 0 ? strings : all.Where(s => s.Parent is not null).ToList();
                var chosen = Pick(targets, random);
                var length = random.Next(16) == 0 ? 1_000_000 : random.Next(10_000, 100_000);
                Replace(chosen, JsonValue.Create(LongText(length, random)));
                description = $"{chosen.Path} := a string of {length} characters";
                break;
            }

            case JsonMutation.DeepNesting:
            {
                var chosen = Pick(all.Where(s => s.Parent is not null).ToList(), random);
                var depth = random.Next(4) == 0 ? 1_000 : random.Next(20, 200);
                var objects = random.Next(2) == 0;
                var text = objects
                    ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
                    : new string('[', depth) + "1" + new string(']', depth);
                Replace(chosen, JsonValue.Create(Marker(text)));
                description = $"{chosen.Path} := {(objects ? "objects" : "arrays")} nested {depth} deep";
                break;
            }

            case JsonMutation.DuplicateKey:
            {
                var properties = all.Where(s => s.Key is not null).ToList();
                if (properties.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(properties, random);
                var original = chosen.Node?.ToJsonString() ?? "null";
                var second = random.Next(3) == 0 ? original : OtherKind(chosen.Node, random)?.ToJsonString() ?? "null";
                var key = random.Next(4) == 0 ? SwapCase(chosen.Key!) : chosen.Key!;
                Replace(chosen, JsonValue.Create(Marker(original + ", " + JsonSerializer.Serialize(key) + ": " + second)));
                description = $"{chosen.Path} written twice (\"{key}\": {Shorten(second)})";
                break;
            }

            case JsonMutation.RenameProperty:
            {
                var properties = all.Where(s => s.Key is not null).ToList();
                if (properties.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(properties, random);
                var parent = (JsonObject)chosen.Parent!;
                var name = Typo(chosen.Key!, random);
                if (parent.ContainsKey(name))
                {
                    name += "x";
                }

                var value = chosen.Node;
                parent.Remove(chosen.Key!);
                parent[name] = value;
                description = $"{chosen.Path} renamed to '{name}'";
                break;
            }

            case JsonMutation.UnknownProperty:
            {
                var objects = all.Where(s => s.Node is JsonObject).ToList();
                if (objects.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(objects, random);
                var obj = (JsonObject)chosen.Node!;
                var name = "x" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
                if (!obj.ContainsKey(name))
                {
                    obj[name] = random.Next(2) == 0 ? JsonValue.Create("giá trị lạ") : JsonValue.Create(random.Next());
                }

                description = $"{chosen.Path}.{name} added";
                break;
            }

            case JsonMutation.ShuffleArray:
            {
                var arrays = all.Where(s => s.Node is JsonArray { Count: > 1 }).ToList();
                if (arrays.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(arrays, random);
                var array = (JsonArray)chosen.Node!;
                var items = array.Select(n => n?.DeepClone()).OrderBy(_ => random.Next()).ToList();
                array.Clear();
                foreach (var item in items)
                {
                    array.Add(item);
                }

                description = $"{chosen.Path} shuffled";
                break;
            }

            case JsonMutation.ArrayItem:
            {
                var arrays = all.Where(s => s.Node is JsonArray { Count: > 0 }).ToList();
                if (arrays.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(arrays, random);
                var array = (JsonArray)chosen.Node!;
                var index = random.Next(array.Count);
                if (random.Next(2) == 0)
                {
                    array.Insert(random.Next(array.Count + 1), array[index]?.DeepClone());
                    description = $"{chosen.Path}[{index}] duplicated";
                }
                else
                {
                    array.RemoveAt(index);
                    description = $"{chosen.Path}[{index}] removed";
                }

                break;
            }

            case JsonMutation.NearMissText:
            {
                var strings = all.Where(s => s.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
                var targets = strings.Count > 0 ? strings : all.Where(s => s.Parent is not null).ToList();
                var chosen = Pick(targets, random);
                var original = chosen.Node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "x";
                var near = NearMiss(original, random);
                Replace(chosen, JsonValue.Create(near));
                description = $"{chosen.Path} := \"{Shorten(near)}\" (a near miss)";
                break;
            }

            case JsonMutation.MemberPhaseValue:
            {
                var months = all.Where(s => s.Node is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 7 && text[4] == '-').ToList();
                var names = all.Where(s => s.Node is JsonValue v && v.TryGetValue<string>(out var text) && MemberPhaseNames.Contains(text)).ToList();
                var years = all.Where(s => s.Path.EndsWith(".year", StringComparison.Ordinal)).ToList();
                var pools = new[] { months, names, years }.Where(p => p.Count > 0).ToList();
                if (pools.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var pool = pools[random.Next(pools.Count)];
                var chosen = Pick(pool, random);
                JsonNode bad = pool == months ? JsonValue.Create(BadMonths[random.Next(BadMonths.Length)])
                    : pool == names ? JsonValue.Create(BadMemberNames[random.Next(BadMemberNames.Length)])
                    : JsonValue.Create(BadYears[random.Next(BadYears.Length)]);
                Replace(chosen, bad);
                description = $"{chosen.Path} := {bad.ToJsonString()} (a bad member-phase value)";
                break;
            }

            case JsonMutation.EmptyContainer:
            {
                var containers = all.Where(s => s.Node is JsonArray { Count: > 0 } or JsonObject { Count: > 0 } && s.Parent is not null).ToList();
                if (containers.Count == 0)
                {
                    return Frame(Encoding.UTF8.GetBytes(root.ToJsonString()), random);
                }

                var chosen = Pick(containers, random);
                Replace(chosen, chosen.Node is JsonArray ? new JsonArray() : new JsonObject());
                description = $"{chosen.Path} emptied";
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "not a tree mutation");
        }

        var written = root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = random.Next(2) == 0,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 512,
        });
        foreach (var (key, value) in raw)
        {
            written = written.Replace("\"" + key + "\"", value, StringComparison.Ordinal);
        }

        return (Encoding.UTF8.GetBytes(written), description);
    }

    private static (byte[], string) InsertInvalidUtf8(byte[] utf8Json, Random random)
    {
        var bad = Convert.FromHexString(InvalidUtf8[random.Next(InvalidUtf8.Length)]);
        // Inside a string value most of the time (just after an opening quote), else anywhere.
        var quotes = Enumerable.Range(0, utf8Json.Length).Where(i => utf8Json[i] == (byte)'"').ToList();
        var at = quotes.Count > 0 && random.Next(4) > 0 ? quotes[random.Next(quotes.Count)] + 1 : random.Next(utf8Json.Length + 1);
        var result = new byte[utf8Json.Length + bad.Length];
        utf8Json.AsSpan(0, at).CopyTo(result);
        bad.CopyTo(result, at);
        utf8Json.AsSpan(at).CopyTo(result.AsSpan(at + bad.Length));
        return (result, $"bytes {Convert.ToHexString(bad)} inserted at {at}");
    }

    private static (byte[], string) Truncate(byte[] utf8Json, Random random)
    {
        var length = random.Next(utf8Json.Length);
        return (utf8Json[..length], $"cut to {length} of {utf8Json.Length} bytes");
    }

    private static (byte[], string) FlipBytes(byte[] utf8Json, Random random)
    {
        if (utf8Json.Length == 0)
        {
            return ([(byte)random.Next(256)], "one random byte");
        }

        var result = (byte[])utf8Json.Clone();
        var count = random.Next(1, 5);
        var places = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(result.Length);
            result[at] = (byte)random.Next(256);
            places.Add(at);
        }

        return (result, $"bytes changed at {string.Join(", ", places)}");
    }

    private static (byte[], string) Frame(byte[] utf8Json, Random random)
    {
        var text = Encoding.UTF8.GetString(utf8Json);
        switch (random.Next(9))
        {
            case 0:
                return ([0xEF, 0xBB, 0xBF, .. utf8Json], "a byte-order mark added");
            case 1:
                return ([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. utf8Json], "two byte-order marks added");
            case 2:
                return (Encoding.UTF8.GetBytes("/* ghi chú */\n" + text + "\n// hết\n"), "comments added");
            case 3:
            {
                var close = text.LastIndexOf('}');
                return close > 0
                    ? (Encoding.UTF8.GetBytes(text[..close] + ",}"), "a trailing comma added")
                    : (utf8Json, "no object to add a comma to");
            }

            case 4:
                return (Encoding.UTF8.GetBytes(text + " {}"), "a second document appended");
            case 5:
                return (Encoding.Unicode.GetBytes(text), "encoded as UTF-16");
            default:
            {
                string[] documents = ["", " ", "null", "[]", "{}", "1", "\"case\"", "true", "[{}]", "{\"formatVersion\":1}"];
                var document = documents[random.Next(documents.Length)];
                return (Encoding.UTF8.GetBytes(document), $"replaced by '{document}'");
            }
        }
    }

    private readonly record struct Site(JsonNode? Node, JsonNode? Parent, string? Key, int Index, string Path);

    private static IEnumerable<Site> Walk(JsonNode root)
    {
        var stack = new Stack<Site>();
        stack.Push(new Site(root, null, null, -1, "$"));
        while (stack.Count > 0)
        {
            var site = stack.Pop();
            yield return site;
            switch (site.Node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        stack.Push(new Site(value, obj, key, -1, site.Path + "." + key));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        stack.Push(new Site(array[i], array, null, i, site.Path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                    }

                    break;
            }
        }
    }

    private static void Replace(Site site, JsonNode? replacement)
    {
        switch (site.Parent)
        {
            case JsonObject obj:
                obj[site.Key!] = replacement;
                break;
            case JsonArray array:
                array[site.Index] = replacement;
                break;
        }
    }

    private static JsonNode? OtherKind(JsonNode? node, Random random)
    {
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        JsonNode?[] choices =
        [
            JsonValue.Create(random.Next(-5, 100)),
            JsonValue.Create("chuỗi " + random.Next(100).ToString(CultureInfo.InvariantCulture)),
            JsonValue.Create(random.Next(2) == 0),
            new JsonArray(JsonValue.Create(1), JsonValue.Create("a")),
            new JsonObject { ["a"] = 1 },
            new JsonArray(),
            new JsonObject(),
            JsonValue.Create(""),
        ];
        var others = choices.Where(c => c!.GetValueKind() != kind).ToList();
        return others[random.Next(others.Count)];
    }

    private static bool LooksLikeDate(string text) =>
        text.Length == 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';

    private static string LongText(int length, Random random)
    {
        // Cheap to build: a Vietnamese alphabet repeated from a random offset.
        const string alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐỆỮỳ ẫ0123456789-_";
        var start = random.Next(alphabet.Length);
        return string.Create(length, start, (span, offset) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[(offset + i) % alphabet.Length];
            }
        });
    }

    private static string Typo(string name, Random random)
    {
        if (name.Length == 0)
        {
            return "x";
        }

        switch (random.Next(4))
        {
            case 0:
                return SwapCase(name);
            case 1:
                return name[..^1];
            case 2:
            {
                var at = random.Next(name.Length);
                return name[..at] + (char)('a' + random.Next(26)) + name[(at + 1)..];
            }

            default:
                return "unknown" + random.Next(100).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A near miss of a text: placeholders almost right, a list of names, a number as text, another letter case.</summary>
    private static string NearMiss(string text, Random random)
    {
        var placeholder = text.IndexOf("{params.", StringComparison.Ordinal);
        if (placeholder >= 0 && random.Next(3) > 0)
        {
            var close = text.IndexOf('}', placeholder);
            var inside = close < 0 ? text[(placeholder + 1)..] : text[(placeholder + 1)..close];
            string[] variants =
            [
                "{P" + inside[1..] + "}", "{ " + inside + " }", "{" + inside + ":unknownFormat}", "{" + inside + ":Years}",
                "{" + inside, inside + "}", "{" + inside + "}}", "{{" + inside + "}", "{" + inside.Replace("params.", string.Empty, StringComparison.Ordinal) + "}",
                "{params.}", "{}", "{" + inside.ToUpperInvariant() + "}", "{" + inside + " }",
            ];
            var variant = variants[random.Next(variants.Length)];
            return text[..placeholder] + variant + (close < 0 ? string.Empty : text[(close + 1)..]);
        }

        return random.Next(7) switch
        {
            0 => text + ", " + text,
            1 => "primary, lowerSecondary",
            2 => random.Next(-2, 10).ToString(CultureInfo.InvariantCulture),
            3 => " " + text,
            4 => SwapCase(text),
            5 => text.Insert(random.Next(text.Length + 1), random.Next(2) == 0 ? "{" : "}"),
            _ => text.Insert(random.Next(text.Length + 1), "{params.minAgeMonths" + (random.Next(2) == 0 ? ":years}" : "}")),
        };
    }

    private static string SwapCase(string name) =>
        name.Length == 0 ? name : (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name[1..];

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
