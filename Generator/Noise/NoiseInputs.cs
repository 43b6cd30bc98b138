using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// The first user member named like a member generated only for noisy ansätze, or null: whether the ansatz is noisy is
    /// known only once its body has run, so the builder turns this into a stub's message then (a name check per keystroke).
    /// </summary>
    public static string? NoisyMemberClash(INamedTypeSymbol type) => type.MemberNames.FirstOrDefault(NoisyGeneratedMembers.Contains);
}
