import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts'],
        environment: 'node',
        // Safety nets only: tests wait on conditions, and a busy machine may take long to meet them.
        testTimeout: 180_000,
        hookTimeout: 180_000,
        pool: 'forks',
    },
});
