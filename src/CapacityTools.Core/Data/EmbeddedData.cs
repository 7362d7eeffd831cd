using System.IO;

namespace CapacityTools.Core.Data;

/// <summary>Opens the seed files that the build embeds into this assembly (see seeds/SOURCES.md).</summary>
internal static class EmbeddedData
{
    public static Stream Open(string seedFileName)
    {
        var name = "CapacityTools.Seeds." + seedFileName;
        return typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The embedded seed file '{seedFileName}' is missing from the assembly.", name);
    }
}
