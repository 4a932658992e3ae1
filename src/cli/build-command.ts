export async function runBuild(_opts: Record<string, unknown>): Promise<number> {
  process.stderr.write('folderpers build: not implemented yet\n');
  return 1;
}
