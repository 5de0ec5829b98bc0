using ChiBo.Cases;

namespace ChiBo.Cli;

/// <summary>Reads case files for commands, turning every problem into one clear line (exit 2).</summary>
internal static class CaseFiles
{
    public static CaseFile Load(string path)
    {
        // The library's safe reader: only a regular file is opened (a named pipe, a device, a folder or a broken link
        // is an error naming the path), at most CaseFileSerializer.MaxFileBytes are read, and nothing blocks.
        var result = CaseFileSerializer.ReadFile(path);
        if (!result.IsValid)
        {
            throw new CliInputException(result.Errors[0].ToString());
        }

        return result.Value!;
    }
}
