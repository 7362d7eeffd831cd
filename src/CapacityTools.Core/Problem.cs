using System.IO;

namespace CapacityTools.Core;

/// <summary>What kind of failure a <see cref="Problem"/> is; the PowerShell layer maps it to an ErrorCategory.</summary>
public enum ProblemKind
{
    InvalidData,
    NotFound,
    InvalidArgument,
    NotAvailable,
    /// <summary>A server refused the credentials (401/403).</summary>
    PermissionDenied,
    /// <summary>A server could not be reached, or the TLS handshake failed.</summary>
    ConnectionError,
    /// <summary>A server did not answer in time.</summary>
    Timeout,
}

/// <summary>Where a value came from: a file (or other named input) and a 1-based line.</summary>
public sealed class SourceLocation
{
    public SourceLocation(string file, long line)
    {
        File = file;
        Line = line;
    }

    public string File { get; }
    public long Line { get; }

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>
/// A failure of one item (a row, a name, a block) that does not stop the rest of the work.
/// The core returns these; the PowerShell layer writes them as non-terminating errors.
/// </summary>
public sealed class Problem
{
    public Problem(string errorId, ProblemKind kind, string message, object? target = null,
        SourceLocation? location = null, string? recommendedAction = null)
    {
        ErrorId = errorId;
        Kind = kind;
        // The last guard: whatever a message quotes, it cannot write to the terminal or run to megabytes.
        Message = SafeText.Clean(message);
        Target = target;
        Location = location;
        RecommendedAction = recommendedAction is null ? null : SafeText.Clean(recommendedAction);
    }

    /// <summary>Stable identifier, the first part of the FullyQualifiedErrorId.</summary>
    public string ErrorId { get; }
    public ProblemKind Kind { get; }
    public string Message { get; }
    public object? Target { get; }
    public SourceLocation? Location { get; }
    public string? RecommendedAction { get; }

    /// <summary>Close matches the user may have meant (for unknown names).</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>The message with its location in front and the fix after it, as a user should read it.</summary>
    public string FullMessage
    {
        get
        {
            var text = Location is null ? Message : $"{Location}: {Message}";
            return RecommendedAction is null ? text : $"{text} {RecommendedAction}";
        }
    }

    public override string ToString() => FullMessage;

    /// <summary>The same problem at another location (the resolver's problems have none; a reader adds the row's).</summary>
    /// <summary>The same problem said of a subject ("The count '8,5' is ... for 'A100'."), with the subject as its target.</summary>
    public Problem For(string? subject, object? target = null) =>
        WithMessage($"{Message.TrimEnd('.')} for '{SafeText.Quote(subject)}'.", target ?? subject);

    /// <summary>The same problem (id, kind, location, what to do) in other words, about another target.</summary>
    public Problem WithMessage(string message, object? target) =>
        new(ErrorId, Kind, message, target, Location, RecommendedAction) { Suggestions = Suggestions };

    /// <summary>A file that cannot be opened or read: the one problem for it, whichever reader met it.</summary>
    public static Problem FileUnreadable(string path, Exception error) =>
        new(ErrorIds.FileUnreadable, error is UnauthorizedAccessException ? ProblemKind.NotAvailable : ProblemKind.InvalidData,
            $"{SafeText.Quote(path)} cannot be read: {error.Message}", path,
            recommendedAction: "Check that the file exists, is not locked by another program and that you may read it.");

    /// <summary>A file whose content a parser gave up on in a way no reader turned into a row's problem.</summary>
    public static Problem UnreadableContent(string path, Exception error) =>
        new(ErrorIds.InvalidFileContent, ProblemKind.InvalidData, $"{SafeText.Quote(path)} could not be read: {SafeText.Quote(error.Message)}", path,
            recommendedAction: "Check that the file is complete and of a format the command reads (see -Format); nothing from this file was counted after this point.");

    /// <summary>True for the exceptions that mean a file could not be opened or read.</summary>
    public static bool IsFileError(Exception error) => error is IOException or UnauthorizedAccessException or System.Security.SecurityException;

    public Problem At(SourceLocation? location) =>
        location is null ? this : new Problem(ErrorId, Kind, Message, Target, location, RecommendedAction) { Suggestions = Suggestions };
}

/// <summary>Thrown for failures that stop a whole operation (a bad file, an invalid argument).</summary>
public sealed class CapacityException : Exception
{
    public CapacityException(Problem problem) : base(problem.FullMessage) => Problem = problem;

    public Problem Problem { get; }
}
