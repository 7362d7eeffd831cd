using CapacityTools.Core.Data;

namespace CapacityTools.Core.Tests;

/// <summary>The files under Data/, which the build copies next to the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    public static IReadOnlyList<CsvRecord> CsvRows(string fileName)
    {
        using var stream = File.OpenRead(PathOf(fileName));
        return CsvRecords.Read(stream, fileName).Rows.ToList();
    }
}
