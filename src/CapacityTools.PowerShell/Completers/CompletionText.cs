using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace CapacityTools.PowerShell.Completers;

/// <summary>What every completer shares: how a typed word matches a name, and how a name is quoted for the command line.</summary>
internal static class CompletionText
{
    /// <summary>
    /// True when <paramref name="name"/> completes <paramref name="word"/>: a prefix compared without case or diacritics
    /// (cote completes Côte d'Ivoire), or a wildcard pattern when the word has one.
    /// </summary>
    public static bool Completes(string name, string word)
    {
        if (WildcardPattern.ContainsWildcardCharacters(word)) return new WildcardPattern(word, WildcardOptions.IgnoreCase).IsMatch(name);
        return Fold(name).StartsWith(Fold(word), StringComparison.Ordinal);
    }

    /// <summary>The word as typed, without the quotes the user may have opened.</summary>
    public static string Word(string? wordToComplete) => (wordToComplete ?? "").Trim('\'', '"');

    public static string Quote(string name) =>
        name.IndexOfAny([' ', '(', ')', '\'', '"', ';', ',', '{', '}', '$', '@', '&', '|', '#', '`']) >= 0 ? $"'{name.Replace("'", "''")}'" : name;

    public static IEnumerable<CompletionResult> Results(IEnumerable<(string Text, string Tip)> candidates, string? wordToComplete)
    {
        var word = Word(wordToComplete);
        return candidates
            .Where(c => Completes(c.Text, word))
            .GroupBy(c => c.Text, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Select(c => new CompletionResult(Quote(c.Text), c.Text, CompletionResultType.ParameterValue, c.Tip));
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
