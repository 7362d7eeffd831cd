using System.Text;
using System.Text.RegularExpressions;

namespace CapacityTools.Core;

/// <summary>Wildcard patterns as PowerShell writes them (*, ?, [a-z], ` escapes), for the core, which has no System.Management.Automation.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '`' && i + 1 < pattern.Length) sb.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '*') sb.Append(".*");
            else if (c == '?') sb.Append('.');
            else if (c == '[' && pattern.IndexOf(']', i + 1) is var end and > 0)
            {
                sb.Append('[').Append(pattern.Substring(i + 1, end - i - 1).Replace("\\", "\\\\")).Append(']');
                i = end;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        _regex = new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public static bool HasWildcards(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    public bool IsMatch(string text) => _regex.IsMatch(text);
}
