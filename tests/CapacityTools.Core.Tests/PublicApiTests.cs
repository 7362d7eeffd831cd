using System.Reflection;

namespace CapacityTools.Core.Tests;

/// <summary>
/// The core's public API exposes no third-party type, so the module can load its dependencies apart from other
/// modules' copies (PowerShell 7 load context) without a caller ever needing them.
/// </summary>
public class PublicApiTests
{
    private static readonly string[] s_thirdParty = ["CsvHelper", "System.Text.Json", "DocumentFormat.OpenXml", "Microsoft.Bcl", "OxyPlot", "PuppeteerSharp"];

    [Fact]
    public void NoPublicSignatureNamesAThirdPartyType()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(Problem).Assembly.GetExportedTypes())
        {
            Check(type.BaseType, $"{type} base");
            foreach (var i in type.GetInterfaces()) Check(i, $"{type} interface");
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                switch (member)
                {
                    case PropertyInfo p: Check(p.PropertyType, $"{type}.{p.Name}"); break;
                    case FieldInfo f: Check(f.FieldType, $"{type}.{f.Name}"); break;
                    case MethodBase m:
                        if (m is MethodInfo mi) Check(mi.ReturnType, $"{type}.{m.Name} return");
                        foreach (var parameter in m.GetParameters()) Check(parameter.ParameterType, $"{type}.{m.Name}({parameter.Name})");
                        break;
                }
            }
        }
        Assert.Empty(offenders);

        void Check(Type? t, string where)
        {
            if (t is null) return;
            if (t.HasElementType) { Check(t.GetElementType(), where); return; }
            if (t.IsGenericType) foreach (var argument in t.GetGenericArguments()) Check(argument, where);
            var assembly = t.Assembly.GetName().Name ?? "";
            if (s_thirdParty.Any(p => assembly.StartsWith(p, StringComparison.Ordinal))) offenders.Add($"{where}: {t.FullName} ({assembly})");
        }
    }
}
