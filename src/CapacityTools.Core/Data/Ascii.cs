namespace CapacityTools.Core;

/// <summary>
/// ASCII-only character tests. <c>char.IsDigit</c> and the regex class <c>\d</c> accept every Unicode digit
/// ('١٢' among them), which invariant-culture parsing then rejects; tool output uses ASCII digits only.
/// </summary>
internal static class Ascii
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9';
}
