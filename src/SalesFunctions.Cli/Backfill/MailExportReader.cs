using MimeKit;
using MimeKit.Utils;

namespace SalesFunctions.Cli.Backfill;

/// <summary>
/// Reads the exports users really have: mbox files (Google Takeout, Thunderbird), single .eml files, and maildir
/// trees (cur/ and new/, Maildir++ subfolders included). Only headers are parsed where the format allows it.
/// </summary>
internal static class MailExportReader
{
    private static readonly ParserOptions LooseParsing = new() { AddressParserComplianceMode = RfcComplianceMode.Looser };

    /// <summary>
    /// Every message under the given files and folders; unreadable files are reported, not thrown, and files that turn
    /// out not to be messages (an index, a note) are reported to <paramref name="onNotMessage"/>.
    /// </summary>
    public static IEnumerable<ExportedMessage> Read(IEnumerable<string> paths, Action<string, Exception> onError, Action<string>? onNotMessage = null)
    {
        foreach (var path in paths)
        {
            foreach (var (file, kind) in Files(path))
            {
                var messages = kind switch
                {
                    ExportKind.Mbox => ReadMbox(file, onError),
                    ExportKind.Unknown => ReadUnknown(file, onError, onNotMessage ?? (_ => { })),
                    _ => ReadSingle(file, kind, onError),
                };
                foreach (var message in messages)
                {
                    yield return message;
                }
            }
        }
    }

    /// <summary>The files a path stands for, in a stable order so that two runs read the same sequence.</summary>
    public static IEnumerable<(string File, ExportKind Kind)> Files(string path)
    {
        if (File.Exists(path))
        {
            return [(path, KindOf(path))];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No such file or folder: {path}", path);
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => (File: f, Kind: KindOf(f)))
            .Where(f => f.Kind != ExportKind.Ignored)
            .OrderBy(f => f.File, StringComparer.Ordinal);
    }

    public static int CountFiles(IEnumerable<string> paths) => paths.Sum(p => Files(p).Count());

    private static ExportKind KindOf(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(file));
        var name = Path.GetFileName(file);
        if (folder is "cur" or "new" && !name.StartsWith('.'))
        {
            return ExportKind.Maildir;
        }

        // A maildir's tmp/ holds deliveries still being written.
        if (folder is "tmp" && Directory.Exists(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(file))!, "cur")))
        {
            return ExportKind.Ignored;
        }

        return Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".eml" => ExportKind.Eml,
            ".mbox" or ".mbx" => ExportKind.Mbox,

            // Thunderbird keeps mbox files without an extension next to .msf indexes; the indexes are never mail.
            "" when File.Exists(file + ".msf") => ExportKind.Mbox,
            ".msf" => ExportKind.Ignored,

            // Converted archives name message files 1., 2., … or anything else: the content decides.
            _ => ExportKind.Unknown,
        };
    }

    /// <summary>
    /// A file of no known name: an mbox when it starts with a "From " line, a message when its header block has the
    /// fields RFC 5322 requires of one (From and Date) or a Message-ID, otherwise not a message.
    /// </summary>
    private static IEnumerable<ExportedMessage> ReadUnknown(string file, Action<string, Exception> onError, Action<string> onNotMessage)
    {
        HeaderList? headers = null;
        bool mbox;
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> start = stackalloc byte[5];
            mbox = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual("From "u8);
            if (!mbox)
            {
                stream.Position = 0;
                headers = HeaderList.Load(stream);
            }
        }
        catch (FormatException)
        {
            onNotMessage(file);
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onError(file, e);
            return [];
        }

        if (mbox)
        {
            return ReadMbox(file, onError);
        }

        if (headers![HeaderId.MessageId] is null && (headers[HeaderId.From] is null || headers[HeaderId.Date] is null))
        {
            onNotMessage(file);
            return [];
        }

        return [FromHeaders(file, headers, draft: false)];
    }

    private static IEnumerable<ExportedMessage> ReadSingle(string file, ExportKind kind, Action<string, Exception> onError)
    {
        HeaderList headers;
        try
        {
            using var stream = File.OpenRead(file);
            headers = HeaderList.Load(stream);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            onError(file, e);
            yield break;
        }

        // Maildir keeps flags in the file name after ":2,"; D is a draft.
        var draft = kind == ExportKind.Maildir && Path.GetFileName(file).Split(":2,") is [_, var flags] && flags.Contains('D', StringComparison.Ordinal);
        yield return FromHeaders(file, headers, draft);
    }

    private static IEnumerable<ExportedMessage> ReadMbox(string file, Action<string, Exception> onError)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onError(file, e);
            yield break;
        }

        using (stream)
        {
            var parser = new MimeParser(stream, MimeFormat.Mbox);
            for (var index = 0; ; index++)
            {
                MimeMessage message;
                try
                {
                    if (parser.IsEndOfStream)
                    {
                        yield break;
                    }

                    message = parser.ParseMessage();
                }
                catch (FormatException e)
                {
                    onError($"{file}#{index}", e);
                    yield break;
                }

                yield return FromHeaders($"{file}#{index}", message.Headers, draft: false);
            }
        }
    }

    internal static ExportedMessage FromHeaders(string source, HeaderList headers, bool draft)
    {
        var labels = headers["X-Gmail-Labels"];
        var from = Addresses(headers[HeaderId.From]);
        var to = Addresses(headers[HeaderId.To]);
        var cc = Addresses(headers[HeaderId.Cc]);
        return new ExportedMessage(
            source,
            Id(headers[HeaderId.MessageId]),
            Id(headers[HeaderId.InReplyTo]),
            headers[HeaderId.References] is { } references ? MimeUtils.EnumerateReferences(references).Select(r => $"<{r}>").ToList() : [],
            headers[HeaderId.Date] is { } date && DateUtils.TryParse(date, out var parsed) ? parsed : null,
            from.Readable.FirstOrDefault(),
            to.Readable,
            cc.Readable,
            headers[HeaderId.Subject],
            Sensitivity(headers["Sensitivity"]),
            draft || headers["X-Mozilla-Draft-Info"] is not null || (labels?.Split(',').Any(l => l.Trim() is "Draft" or "Drafts") ?? false),
            IsAutomated(headers))
        {
            UnreadableAddresses = from.Unreadable + to.Unreadable + cc.Unreadable,
        };
    }

    /// <summary>Message ids with their angle brackets, as Graph's internetMessageId has them, so both give one activity id.</summary>
    private static string? Id(string? header) =>
        header is null ? null : MimeUtils.EnumerateReferences(header).FirstOrDefault() is { } id ? $"<{id}>" : null;

    /// <summary>
    /// The addresses of one header, and how many of its entries could not be read. Strict parsing refuses a whole list
    /// for one address with a double or leading dot in its local part (Exchange and converted archives have them), so
    /// the list is parsed loosely, and when even that fails, address by address, keeping every good one.
    /// </summary>
    internal static (List<string> Readable, int Unreadable) Addresses(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return ([], 0);
        }

        if (InternetAddressList.TryParse(LooseParsing, header, out var list))
        {
            return Mailboxes(list);
        }

        var (readable, unreadable) = (new List<string>(), 0);
        foreach (var entry in SplitEntries(header))
        {
            if (InternetAddressList.TryParse(LooseParsing, entry, out var single))
            {
                var (good, bad) = Mailboxes(single);
                readable.AddRange(good);
                unreadable += bad;
            }
            else
            {
                unreadable++;
            }
        }

        return (readable, unreadable);
    }

    private static (List<string> Readable, int Unreadable) Mailboxes(InternetAddressList list)
    {
        var addresses = list.Mailboxes.Select(m => m.Address).ToList();
        var readable = addresses.Where(a => a.Contains('@', StringComparison.Ordinal)).ToList();
        return (readable, addresses.Count - readable.Count);
    }

    /// <summary>The comma-separated entries of an address header; commas inside quotes, comments or angle brackets stay.</summary>
    private static IEnumerable<string> SplitEntries(string header)
    {
        var (start, depth, quoted) = (0, 0, false);
        for (var i = 0; i < header.Length; i++)
        {
            switch (header[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '(' or '<' when !quoted:
                    depth++;
                    break;
                case ')' or '>' when !quoted && depth > 0:
                    depth--;
                    break;
                case ',' when !quoted && depth == 0:
                    if (header[start..i].Trim() is { Length: > 0 } entry)
                    {
                        yield return entry;
                    }

                    start = i + 1;
                    break;
            }
        }

        if (header[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    // RFC 2156's Sensitivity header, as Outlook writes it, in Graph's words.
    private static string? Sensitivity(string? header) => header?.Trim().ToLowerInvariant() switch
    {
        "personal" => "personal",
        "private" => "private",
        "company-confidential" or "confidential" => "confidential",
        null => null,
        _ => "normal",
    };

    /// <summary>RFC 3834 auto-replies and bulk or list mail, which an address pattern alone would miss.</summary>
    private static bool IsAutomated(HeaderList headers) =>
        (headers["Auto-Submitted"] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
        || (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "list" or "junk")
        || headers["List-Unsubscribe"] is not null;

    internal enum ExportKind
    {
        Ignored,
        Unknown,
        Eml,
        Maildir,
        Mbox,
    }
}
