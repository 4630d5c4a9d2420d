using SalesFunctions.Cli;

var parsed = CommandTree.Build().Parse(args);
if (parsed.Errors.Count > 0)
{
    // System.CommandLine prints the errors and the help of the command they belong to; 2 is this tool's usage-error
    // code, as 1 means that a file or an import had errors.
    await parsed.InvokeAsync();
    return 2;
}

return await parsed.InvokeAsync();
