using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using Microsoft.Win32.SafeHandles;

namespace ChiBo.Serialization;

/// <summary>
/// The one way ChiBo reads a file from disk (case, cell, roster, rule and calendar files): it opens a path only
/// when it is a regular file, reads it with a hard byte bound, and never blocks. Everything else is a typed error
/// naming the path, never an exception, a hang or a huge allocation:
/// <list type="bullet">
/// <item><c>file.notRegular</c>: a named pipe (FIFO), a socket, a character or block device (e.g. a link to
/// <c>/dev/zero</c>), or a folder.</item>
/// <item><c>file.danglingLink</c>: a symbolic link whose target does not exist.</item>
/// <item><c>file.linkLoop</c>: a symbolic link that leads back to itself (too many levels of links).</item>
/// <item><c>file.tooLarge</c>: more than the limit — said by the file's size, or found by reading one byte past the
/// limit, whatever size the file reports (a device or a file that grows reports less than it holds).</item>
/// <item><c>file.unreadable</c>: no such file, no permission, or an I/O error.</item>
/// </list>
/// </summary>
/// <remarks>
/// How the type is learnt without blocking. Opening a FIFO for reading blocks until a writer opens it, so the type
/// must be known before the open, and the open itself must not be able to block if the path is swapped in between.
/// On Linux the path is checked with <c>statx</c> (its <c>struct statx</c> has the same layout on every
/// architecture, unlike <c>struct stat</c>), then opened with <c>O_NONBLOCK</c> (which has no effect on a regular
/// file's reads, and makes the open of a FIFO return at once), and the open descriptor is checked again with
/// <c>statx(fd, "", AT_EMPTY_PATH)</c>: what is read is what was checked. Where <c>statx</c> is unavailable (an old
/// C library, a sandbox that refuses it), and on macOS and the BSDs, the open is still non-blocking and a
/// descriptor that cannot seek (a pipe, a socket) is refused; a device that can seek is then caught by the byte
/// bound. On Windows a path cannot name a FIFO of the file system; .NET refuses to open a handle that is not a disk
/// file (a device, a pipe), and device namespaces (<c>\\.\</c>, <c>\\?\</c>) are refused before opening.
/// </remarks>
internal static partial class RegularFile
{
    /// <summary>A named pipe, a socket, a device or a folder (stable codes, listed in <see cref="CaseFileError"/>).</summary>
    internal const string NotRegular = "file.notRegular";

    /// <summary>A symbolic link whose final target does not exist.</summary>
    internal const string DanglingLink = "file.danglingLink";

    /// <summary>A symbolic link that loops.</summary>
    internal const string LinkLoop = "file.linkLoop";

    /// <summary>A file that does not exist or cannot be read.</summary>
    internal const string Unreadable = "file.unreadable";

    /// <summary>
    /// Reads a whole regular file, at most <paramref name="maxBytes"/> bytes; never throws for a bad path or file.
    /// </summary>
    /// <param name="path">The path, cited in every error.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <returns>The bytes, or the error.</returns>
    internal static (byte[]? Bytes, CaseFileError? Error) ReadAllBytes(string path, int maxBytes)
    {
        var read = ReadAllBytes(path, maxBytes, useAsync: false, CancellationToken.None);
        Debug.Assert(read.IsCompleted, "the synchronous read completes synchronously");
        return read.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Reads a whole regular file as <see cref="ReadAllBytes(string, int)"/> does, the bytes read asynchronously (the
    /// checks of the path and the handle never block). Never throws for a bad path or file.
    /// </summary>
    /// <param name="path">The path, cited in every error.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes, or the error.</returns>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    internal static ValueTask<(byte[]? Bytes, CaseFileError? Error)> ReadAllBytesAsync(string path, int maxBytes, CancellationToken cancellationToken) =>
        ReadAllBytes(path, maxBytes, useAsync: true, cancellationToken);

    // One implementation for both: with useAsync false every await completes synchronously.
    private static async ValueTask<(byte[]? Bytes, CaseFileError? Error)> ReadAllBytes(string path, int maxBytes, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (CheckPath(path) is { } refused)
            {
                return (null, refused);
            }

            using var handle = Open(path, out var openError);
            if (handle is null)
            {
                return (null, openError);
            }

            var (length, typeError) = CheckOpenHandle(handle, path);
            if (typeError is not null)
            {
                return (null, typeError);
            }

            if (length > maxBytes)
            {
                return (null, JsonFiles.TooLarge(length, maxBytes, path));
            }

            return await ReadBounded(handle, path, maxBytes, length, useAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, Error(Unreadable, $"cannot read the file: {ex.Message}", path));
        }
    }

    private static CaseFileError Error(string code, string message, string path) => new(code, message, path, Path: "$");

    // Portable checks, by name, before anything is opened: links, folders, missing files.
    private static CaseFileError? CheckPath(string path)
    {
        if (path.Length == 0)
        {
            return Error(Unreadable, "cannot read the file: the path is empty", path);
        }

        if (OperatingSystem.IsWindows() && (path.StartsWith(@"\\.\", StringComparison.Ordinal) || path.StartsWith(@"\\?\", StringComparison.Ordinal)))
        {
            return Error(NotRegular, "not a regular file: a device path", path);
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is { } linkTarget)
        {
            FileSystemInfo? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException ex)
            {
                return Error(LinkLoop, $"the link cannot be followed (a loop of links?): {ex.Message}", path);
            }

            if (target is null || (!File.Exists(target.FullName) && !Directory.Exists(target.FullName)))
            {
                return Error(DanglingLink, $"the link points to '{target?.FullName ?? linkTarget}', which does not exist", path);
            }

            if (Directory.Exists(target.FullName))
            {
                return Error(NotRegular, $"not a regular file: the link points to the folder '{target.FullName}'", path);
            }
        }

        if (Directory.Exists(path))
        {
            return Error(NotRegular, "not a regular file: a folder", path);
        }

        if (!info.Exists)
        {
            return Error(Unreadable, "cannot read the file: no such file", path);
        }

        if (OperatingSystem.IsLinux() && Linux.TypeOfPath(path) is { } type && type != Linux.S_IFREG)
        {
            // Refused before the open: a FIFO is not even opened, so a writer waiting on it is not disturbed.
            return Error(NotRegular, $"not a regular file: {Linux.Describe(type)}", path);
        }

        return null;
    }

    private static SafeFileHandle? Open(string path, out CaseFileError? error)
    {
        error = null;
        if (OperatingSystem.IsWindows())
        {
            // .NET refuses a handle whose type is not a disk file (NotSupportedException, caught by the caller).
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var flags = OperatingSystem.IsLinux() ? Linux.OpenFlags
            : OperatingSystem.IsMacOS() || OperatingSystem.IsIOS() || OperatingSystem.IsMacCatalyst() ? Bsd.MacOpenFlags
            : OperatingSystem.IsFreeBSD() ? Bsd.FreeBsdOpenFlags
            : -1;
        if (flags < 0)
        {
            // An unknown Unix: no flag values to trust. The path checks passed; .NET's own open.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var fd = Posix.Open(path, flags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var text = Marshal.GetPInvokeErrorMessage(errno);
            error = errno switch
            {
                _ when errno == (OperatingSystem.IsLinux() ? Posix.ELOOP : Posix.ELOOPBsd)
                    => Error(LinkLoop, $"the link cannot be followed: {text}", path),
                Posix.ENXIO => Error(NotRegular, $"not a regular file: {text}", path),
                _ => Error(Unreadable, $"cannot read the file: {text}", path),
            };
            return null;
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    // The type and size of what was opened. Linux: statx on the descriptor. Elsewhere: a descriptor that cannot
    // seek (a pipe, a socket) is refused; the size .NET reports is used, and the byte bound catches the rest.
    private static (long Length, CaseFileError? Error) CheckOpenHandle(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsLinux() && Linux.TypeAndSize(handle) is { } status)
        {
            return status.Type == Linux.S_IFREG
                ? ((long)Math.Min(status.Size, long.MaxValue), null)
                : (0, Error(NotRegular, $"not a regular file: {Linux.Describe(status.Type)}", path));
        }

        try
        {
            // RandomAccess refuses a descriptor that cannot seek.
            return (RandomAccess.GetLength(handle), null);
        }
        catch (NotSupportedException)
        {
            return (0, Error(NotRegular, "not a regular file: a pipe, socket or device that cannot seek", path));
        }
    }

    // Reads at most maxBytes + 1 bytes whatever the reported length: a file that reports less (a device, a file that
    // grows) is still never read past the bound, and the buffer never grows beyond maxBytes + 1.
    private static async ValueTask<(byte[]? Bytes, CaseFileError? Error)> ReadBounded(
        SafeFileHandle handle, string path, int maxBytes, long reported, bool useAsync, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Min(maxBytes + 1L, Math.Max(reported, 0) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > maxBytes)
                {
                    return (null, JsonFiles.TooLarge(null, maxBytes, path));
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, 4096), maxBytes + 1L));
            }

            var read = useAsync
                ? await RandomAccess.ReadAsync(handle, buffer.AsMemory(length), length, cancellationToken).ConfigureAwait(false)
                : RandomAccess.Read(handle, buffer.AsSpan(length), length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        Array.Resize(ref buffer, length);
        return (buffer, null);
    }

    private static partial class Posix
    {
        internal const int ENXIO = 6;
        internal const int ELOOP = 40;
        internal const int ELOOPBsd = 62;

        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Open(string path, int flags);
    }

    private static class Bsd
    {
        // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC of <fcntl.h> on macOS and FreeBSD.
        internal const int MacOpenFlags = 0x0004 | 0x20000 | 0x01000000;
        internal const int FreeBsdOpenFlags = 0x0004 | 0x8000 | 0x00100000;
    }

    private static partial class Linux
    {
        // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC: the generic values, shared by every architecture .NET runs on
        // (x64, x86, arm, arm64, riscv64, loongarch64, s390x, ppc64le).
        internal const int OpenFlags = 0x800 | 0x100 | 0x80000;

        internal const int S_IFMT = 0xF000;
        internal const int S_IFIFO = 0x1000;
        internal const int S_IFCHR = 0x2000;
        internal const int S_IFDIR = 0x4000;
        internal const int S_IFBLK = 0x6000;
        internal const int S_IFREG = 0x8000;
        internal const int S_IFLNK = 0xA000;
        internal const int S_IFSOCK = 0xC000;

        private const int AtFdCwd = -100;
        private const int AtEmptyPath = 0x1000;
        private const uint StatxType = 0x1;
        private const uint StatxSize = 0x200;

        // statx unavailable (ENOSYS, or EPERM from a seccomp filter, or no symbol): learnt once, then not tried again.
        private static volatile bool unavailable;

        internal static string Describe(int type) => type switch
        {
            S_IFIFO => "a named pipe (FIFO)",
            S_IFCHR => "a character device",
            S_IFBLK => "a block device",
            S_IFDIR => "a folder",
            S_IFSOCK => "a socket",
            S_IFLNK => "a symbolic link",
            _ => $"a file of type 0x{type:X}",
        };

        /// <summary>The type (<c>S_IFMT</c> bits) of a path, links followed; null when unknown.</summary>
        internal static int? TypeOfPath(string path)
        {
            if (unavailable)
            {
                return null;
            }

            try
            {
                if (StatxPath(AtFdCwd, path, 0, StatxType, out var buffer) == 0)
                {
                    return buffer.Mode & S_IFMT;
                }

                NoteFailure(Marshal.GetLastPInvokeError());
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                unavailable = true;
            }

            return null;
        }

        /// <summary>The type and size of an open descriptor; null when unknown.</summary>
        internal static (int Type, ulong Size)? TypeAndSize(SafeFileHandle handle)
        {
            if (unavailable)
            {
                return null;
            }

            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                if (StatxPath((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxType | StatxSize, out var buffer) == 0)
                {
                    return (buffer.Mode & S_IFMT, buffer.Size);
                }

                NoteFailure(Marshal.GetLastPInvokeError());
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                unavailable = true;
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }

            return null;
        }

        private static void NoteFailure(int errno)
        {
            // ENOSYS (38): no statx in the kernel; EPERM (1): refused by a sandbox. Other errors concern the path
            // (ENOENT, ELOOP, EACCES) and are left to the open, which reports them.
            if (errno is 38 or 1)
            {
                unavailable = true;
            }
        }

        [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int StatxPath(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

        // struct statx of <linux/stat.h>: 256 bytes, one layout on every architecture. Only the fields read here.
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        private struct StatxBuffer
        {
            [FieldOffset(28)]
            public ushort Mode;

            [FieldOffset(40)]
            public ulong Size;
        }
    }
}
