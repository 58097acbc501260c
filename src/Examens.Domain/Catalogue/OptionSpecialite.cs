namespace Examens.Domain.Catalogue;

public sealed record OptionSpecialite(string Code, string Nom, string? Source, bool NonConfirmee);
