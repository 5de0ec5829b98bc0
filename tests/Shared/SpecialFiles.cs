using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ChiBo.Tests.Fuzzing;

/// <summary>
/// The kinds of directory entry a reader may meet where it expects a file (docs/reliability.md, "Special files").
/// The fuzzers create each kind under a file's name and hand it to every reader.
/// </summary>
public enum FileKind
{
    /// <summary>An ordinary file holding the given bytes.</summary>
    Regular,

    /// <summary>A symbolic link to an ordinary file holding the given bytes: read like the file.</summary>
    LinkToRegular,

    /// <summary>A named pipe (FIFO) with no writer: opening it for reading the usual way blocks for ever.</summary>
    Fifo,

    /// <summary>A symbolic link whose target does not exist.</summary>
    DanglingLink,

    /// <summary>Two symbolic links pointing at each other.</summary>
    LinkLoop,

    /// <summary>A folder named like the file.</summary>
    Folder,

    /// <summary>A symbolic link to a folder.</summary>
    LinkToFolder,

    /// <summary>A symbolic link to <c>/dev/zero</c>: a device that reports size 0 and never ends.</summary>
    DeviceLink,

    /// <summary>A sparse file of 3 GiB (no disk used): far over every limit.</summary>
    OversizedSparse,

    /// <summary>
    /// A symbolic link to <c>/proc/self/mem</c>: a regular file whose every read fails (EIO), so it is unreadable
    /// even for root, who may read a file whatever its permissions.
    /// </summary>
    UnreadableFile,
}

/// <summary>Creates special files for the tests (Linux: <c>mkfifo</c> from libc, links, sparse files).</summary>
public static class SpecialFiles
{
    /// <summary>How long a read may take before the test calls it a hang (a guard, not a speed test).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    /// <summary>The kinds that are not ordinary files: each must be refused with its code.</summary>
    public static FileKind[] Special { get; } = Array.FindAll(Enum.GetValues<FileKind>(), k => k is not (FileKind.Regular or FileKind.LinkToRegular));

    /// <summary>The code the safe reader gives for each special kind.</summary>
    public static string ExpectedCode(FileKind kind) => kind switch
    {
        FileKind.Fifo or FileKind.Folder or FileKind.LinkToFolder or FileKind.DeviceLink => "file.notRegular",
        FileKind.DanglingLink => "file.danglingLink",
        FileKind.LinkLoop => "file.linkLoop",
        FileKind.OversizedSparse => "file.tooLarge",
        FileKind.UnreadableFile => "file.unreadable",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an ordinary file has no error code"),
    };

    /// <summary>Creates an entry of the given kind at <paramref name="path"/> (its folder must exist).</summary>
    /// <param name="path">The entry's path.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="content">The bytes of a regular file (ignored by the other kinds).</param>
    public static void Create(string path, FileKind kind, byte[]? content = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(path);
        switch (kind)
        {
            case FileKind.Regular:
                File.WriteAllBytes(path, content ?? []);
                break;
            case FileKind.LinkToRegular:
                var target = Path.Combine(folder, "." + name + ".target");
                File.WriteAllBytes(target, content ?? []);
                File.CreateSymbolicLink(path, target);
                break;
            case FileKind.Fifo:
                MakeFifo(path);
                break;
            case FileKind.DanglingLink:
                File.CreateSymbolicLink(path, Path.Combine(folder, "no-such-" + Guid.NewGuid().ToString("N")));
                break;
            case FileKind.LinkLoop:
                var other = Path.Combine(folder, "." + name + ".loop");
                File.CreateSymbolicLink(path, other);
                File.CreateSymbolicLink(other, path);
                break;
            case FileKind.Folder:
                Directory.CreateDirectory(path);
                break;
            case FileKind.LinkToFolder:
                var dir = Path.Combine(folder, "." + name + ".dir");
                Directory.CreateDirectory(dir);
                Directory.CreateSymbolicLink(path, dir);
                break;
            case FileKind.DeviceLink:
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case FileKind.OversizedSparse:
                using (var stream = new FileStream(path, FileMode.CreateNew))
                {
                    stream.SetLength(3L << 30);
                }

                break;
            case FileKind.UnreadableFile:
                File.CreateSymbolicLink(path, "/proc/self/mem");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Creates a named pipe with <c>mkfifo(3)</c>.</summary>
    /// <param name="path">The pipe's path.</param>
    public static void MakeFifo(string path)
    {
        if (Mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// Runs a read on the thread pool and fails if it does not end within <see cref="HangGuard"/> — a hang guard,
    /// not a speed test. A read left blocked on a pipe is then released by opening the pipe for writing.
    /// </summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="read">The read.</param>
    /// <param name="what">What is read, for the message.</param>
    /// <param name="pipes">Pipes to release if the read hangs.</param>
    /// <returns>The read's result.</returns>
    public static T Bounded<T>(Func<T> read, string what, params string[] pipes)
    {
        var task = Task.Run(read);
        if (!task.Wait(HangGuard))
        {
            foreach (var pipe in pipes)
            {
                Release(pipe);
            }

            throw new TimeoutException($"{what}: still reading after {HangGuard.TotalSeconds} s (a hang)");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Opens a pipe for writing without blocking and closes it: a reader blocked opening it sees the end.</summary>
    /// <param name="path">The pipe.</param>
    public static void Release(string path)
    {
        const int WriteOnlyNonBlocking = 0x1 | 0x800;
        for (var i = 0; i < 50; i++)
        {
            var fd = Open(path, WriteOnlyNonBlocking);
            if (fd >= 0)
            {
                Close(fd);
                return;
            }

            System.Threading.Thread.Sleep(20);
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int Mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
