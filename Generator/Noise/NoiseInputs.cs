using System.Threading;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Parsing;

namespace NegLR.Generator.Noise;

/// <summary>The pipeline's first step's share of noise: the type's noise attributes, read with the analyzers' shared reader.</summary>
internal static class NoiseInputs
{
    /// <summary>The declaration, or null when the type declares no noise (then nothing downstream changes).</summary>
    public static NoiseDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var declaration = NoiseDeclarationReader.Read(type.GetAttributes(), cancellationToken);
        return declaration.IsEmpty ? null : declaration;
    }
}
