namespace Examens.Core.Tests.Courriels;

/// <summary>What <see cref="ServeurSmtpDeTest"/> received: the envelope and the raw message after DATA.</summary>
internal sealed record MessageSmtpRecu(string De, IReadOnlyList<string> Pour, byte[] Donnees);
