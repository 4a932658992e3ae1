export async function runValidate(_opts: { content: string; municipality: string[]; format: string }): Promise<number> {
  process.stderr.write('folderpers validate: not implemented yet\n');
  return 1;
}
