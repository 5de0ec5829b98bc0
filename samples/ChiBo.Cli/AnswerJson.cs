using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using ChiBo.Evaluation;
using ChiBo.Rules.Batch;

namespace ChiBo.Cli;

/// <summary>
/// What <c>chibo evaluate --json</c> prints, byte for byte <c>JsonSerializer.Serialize(x, ChiBoJson.Options)</c> (the
/// contract), written by the sweep's <see cref="AnswerWriter"/> on an indented writer instead (issue 17, the cold
/// start): System.Text.Json's reflection serializer built the metadata of the answer types and compiled their
/// generic instantiations on every start, about a tenth of a second before the first byte of one answer.
/// </summary>
internal static class AnswerJson
{
    /// <summary>One answer, as <c>JsonSerializer.Serialize(answer, ChiBoJson.Options)</c> writes it.</summary>
    public static string Of(CaseEvaluation answer) => Written(json => AnswerWriter.Write(json, answer));

    /// <summary>
    /// A folder's answers, as <c>JsonSerializer.Serialize</c> writes a list of <c>{ "file", "answer" }</c> and
    /// <c>{ "file", "errors" }</c> records: in the folder's order, each with the file's name.
    /// </summary>
    public static string Of(IReadOnlyList<FolderEntry> entries) => Written(json =>
    {
        json.WriteStartArray();
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("file"u8, entry.File);
            if (entry.Answer is { } answer)
            {
                json.WritePropertyName("answer"u8);
                AnswerWriter.Write(json, answer);
            }
            else
            {
                json.WritePropertyName("errors"u8);
                json.WriteStartArray();
                foreach (var error in entry.Errors!)
                {
                    json.WriteStringValue(error);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string Written(System.Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var json = new Utf8JsonWriter(buffer, AnswerWriter.IndentedWriterOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One file of a folder: its answer, or the errors that kept it from one.</summary>
    /// <param name="File">The file's name.</param>
    /// <param name="Answer">The answer, or null.</param>
    /// <param name="Errors">When there is no answer, why: each error in one line.</param>
    internal sealed record FolderEntry(string File, CaseEvaluation? Answer, IReadOnlyList<string>? Errors);
}
