using System.Globalization;
using System.Text.RegularExpressions;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Inventory;

/// <summary>
/// Reads saved <c>lspci</c> output: the default one-line form with or without <c>-nn</c> codes and a <c>-D</c> domain
/// ("01:00.0 3D controller [0302]: NVIDIA Corporation GA100 [A100 SXM4 40GB] [10de:20b0] (rev a1)"), the numeric
/// <c>-n</c> form ("01:00.0 0302: 10de:20b0 (rev a1)") and <c>-vmm</c> blocks. Each accelerator function (a 3D, VGA or
/// display controller or a processing accelerator) of a vendor the embedded PCI ID subset holds (NVIDIA, AMD, Habana,
/// Intel) is one device; their audio functions, NVSwitches and bridges are not GPUs, and other vendors' display
/// controllers (a BMC's ASPEED or Matrox VGA) are counted out with a note.
/// </summary>
internal static class LspciReader
{
    private static readonly Regex s_line = new(
        @"^(?<slot>(?:[0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])\s+(?<class>[^:]+?)(?:\s*\[(?<code>[0-9a-f]{4})\])?:\s*(?<rest>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_revision = new(@"\s*\(rev [0-9a-f]+\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_code = new(@"\s*\[[0-9a-f]{4}\]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex s_pair = new(@"\b(?<vendor>[0-9a-f]{4}):(?<device>[0-9a-f]{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // PCI class 03xx (display: VGA 0300, XGA 0301, 3D 0302, other 0380) and 1200 (processing accelerators), by name and by code.
    private static readonly string[] s_classNames = ["VGA compatible controller", "3D controller", "Display controller", "XGA compatible controller", "Processing accelerators"];

    public static IEnumerable<InventoryEntry> Read(string[] lines, ReadContext context)
    {
        var entries = new List<InventoryEntry>();
        var pci = PciIdDatabase.Embedded;
        var otherDisplays = 0;
        foreach (var (slot, cls, rest, line) in Devices(lines))
        {
            if (!IsAccelerator(cls)) continue;
            context.NextRecord();
            var pair = s_pair.Match(rest);
            var known = pair.Success
                ? pci.HasVendor(int.Parse(pair.Groups["vendor"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
                : pci.StartsWithVendorName(rest);
            if (!known)
            {
                otherDisplays++;
                continue;
            }
            if (!context.FirstSighting(slot, "PCI device", line, entries)) continue;
            // The name as lspci prints it; with -nn or -n codes, the device is told by its PCI id (the name may be "Device 2337").
            var name = s_revision.Replace(rest, "").Trim();
            context.Tally.AddPhysical(context.DefaultHost, name, 1, 0, 0, line, resolveAs: pair.Success ? pair.Value : null);
        }
        if (otherDisplays > 0)
            entries.Add(InventoryEntry.Note($"{context.SourceName}: {otherDisplays} display controller(s) of other vendors (a BMC's VGA, an integrated GPU) are not accelerators and were not counted."));
        if (context.Stats.Records == 0 && otherDisplays == 0)
            entries.Add(context.Skip(ReadContext.Malformed(context.SourceName, "no GPU or accelerator was found in the lspci output.",
                "Save the output of lspci (or lspci -nn) of the GPU nodes."), 1));
        return entries;
    }

    private static bool IsAccelerator(string cls)
    {
        var c = cls.Trim();
        if (c.Length == 4 && c.All(Uri.IsHexDigit)) return c.StartsWith("03", StringComparison.Ordinal) || c.StartsWith("1200", StringComparison.Ordinal);
        return s_classNames.Any(n => c.StartsWith(n, StringComparison.OrdinalIgnoreCase));
    }

    // One line per device, or -vmm blocks (Slot:, Class:, Vendor:, Device:).
    private static IEnumerable<(string Slot, string Class, string Text, long Line)> Devices(string[] lines)
    {
        string? slot = null, cls = null, vendor = null, device = null;
        long start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var text = i < lines.Length ? lines[i].Trim() : "";
            var m = s_line.Match(text);
            if (m.Success)
            {
                var code = m.Groups["code"].Success ? m.Groups["code"].Value : null;
                yield return (m.Groups["slot"].Value, code ?? m.Groups["class"].Value, m.Groups["rest"].Value, i + 1);
                continue;
            }
            var colon = text.IndexOf(':');
            if (text.Length > 0 && colon > 0)
            {
                var key = text.Substring(0, colon).Trim();
                // -vmm -nn appends the codes: "Vendor: NVIDIA Corporation [10de]", "Device: GA100 [A100 SXM4 40GB] [20b0]".
                var value = s_code.Replace(text.Substring(colon + 1).Trim(), "");
                switch (key)
                {
                    case "Slot": slot = value; start = i + 1; break;
                    case "Class": cls = value; break;
                    case "Vendor": vendor = value; break;
                    case "Device": device = value; break;
                }
                continue;
            }
            if (text.Length == 0 && slot is not null && cls is not null && vendor is not null)
                yield return (slot, cls, vendor + " " + (device ?? ""), start);
            if (text.Length == 0) slot = cls = vendor = device = null;
        }
    }
}
