namespace CapacityTools.Core;

/// <summary>
/// How a user's reference file (catalog entries, prices) is read: decoded like every file (a warning when the
/// encoding was guessed), its rows read by <c>readText</c>, each bad row reported, and a summary of what was skipped.
/// </summary>
public static class UserFile
{
    /// <exception cref="CapacityException">The file is not text, or the reader refuses it as a whole (a missing column).</exception>
    public static IReadOnlyList<T> Read<T>(string path, string sourceName, IProblemSink sink, Func<string, ICollection<Problem>, IReadOnlyList<T>> readText)
    {
        var text = TextDecoder.ReadFile(path, sourceName, out var encoding, out var notText) ?? throw new CapacityException(notText!);
        if (encoding!.GuessWarning(sourceName) is { } guessed) sink.Warning(guessed);
        var problems = new List<Problem>();
        var rows = readText(text, problems);
        foreach (var problem in problems) sink.Problem(problem);
        if (problems.Count > 0) sink.Warning($"{sourceName}: {problems.Count} row(s) skipped, {rows.Count} imported.");
        return rows;
    }
}
