using System.IO;
using ChiBo.Cases;

namespace ChiBo.Cli;

/// <summary>Reads case files for commands, turning every problem into one clear line (exit 2).</summary>
internal static class CaseFiles
{
    public static CaseFile Load(string path)
    {
        CaseFileReadResult result;
        try
        {
            // Through the stream reader: a file larger than CaseFileSerializer.MaxFileBytes is refused without reading it.
            using var stream = File.OpenRead(path);
            result = CaseFileSerializer.Read(stream, path);
        }
        catch (IOException ex)
        {
            throw new CliInputException($"{path}: cannot read the file: {ex.Message}");
        }
        catch (System.UnauthorizedAccessException ex)
        {
            throw new CliInputException($"{path}: cannot read the file: {ex.Message}");
        }

        if (!result.IsValid)
        {
            throw new CliInputException(result.Errors[0].ToString());
        }

        return result.Value!;
    }
}
