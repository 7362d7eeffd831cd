using System.Reflection;

namespace CapacityTools.Core.Tests.Reporting;

public class PublicApiTests
{
    /// <summary>Dependencies stay private to the module's load context: no public member of the core names a third-party type.</summary>
    [Fact]
    public void CoreExposesNoThirdPartyType()
    {
        var core = typeof(Problem).Assembly;
        var leaks = new List<string>();
        foreach (var type in core.GetExportedTypes())
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var member in members)
            {
                IEnumerable<Type> types = member switch
                {
                    MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                    _ => [],
                };
                foreach (var t in types.Concat(type.BaseType is null ? [] : [type.BaseType]).SelectMany(Expand))
                {
                    var name = t.Assembly.GetName().Name ?? "";
                    if (t.Assembly != core && !IsPlatform(name)) leaks.Add($"{type.FullName}.{member.Name}: {t.FullName} ({name})");
                }
            }
        }
        Assert.Empty(leaks.Distinct());
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.IsByRef || t.IsArray || t.IsPointer) return Expand(t.GetElementType()!);
        return t.IsGenericType ? t.GetGenericArguments().SelectMany(Expand).Append(t.GetGenericTypeDefinition()) : [t];
    }

    private static bool IsPlatform(string assembly) =>
        assembly is "netstandard" or "mscorlib" or "System.Runtime" or "System.Private.CoreLib" || assembly.StartsWith("System.", StringComparison.Ordinal);
}
