using Microsoft.CodeAnalysis;

namespace NegLR.Generator;

/// <summary>
/// The NegLR source generator. The [Ansatz] pipeline arrives with the Generator issue; until then it registers
/// nothing, and the project proves that the Runtime's gate table compiles for netstandard2.0 (linked source).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NegLRGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
