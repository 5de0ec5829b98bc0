using System.IO;
using ChiBo.Cases;

namespace ChiBo.Cli;

/// <summary>Reads case files for commands, turning every problem into one clear line (exit 2).</summary>
internal static class CaseFiles
{
    public static CaseFile Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new CliInputException($"{path}: cannot read the file: {ex.Message}");
        }
        catch (System.UnauthorizedAccessException ex)
        {
            throw new CliInputException($"{path}: cannot read the file: {ex.Message}");
        }

        var result = CaseFileSerializer.Read(bytes, path);
        if (!result.IsValid)
        {
            throw new CliInputException(result.Errors[0].ToString());
        }

        return result.Value!;
    }
}
