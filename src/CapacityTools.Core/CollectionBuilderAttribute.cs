#if !NET8_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this attribute; the compiler recognises it by name, so collection expressions ([], [a, b])
// can build the core's immutable DisplayList.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
internal sealed class CollectionBuilderAttribute(Type builderType, string methodName) : Attribute
{
    public Type BuilderType { get; } = builderType;
    public string MethodName { get; } = methodName;
}
#endif
