// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Kept out of the server bundle: they load native binaries, are only used by scripts, or (pdfkit) read
  // their font metrics from their own directory at run time.
  serverExternalPackages: ['@node-rs/argon2', 'pdfkit'],
  experimental: {
    // Policy imports go through a server action: leave room for the 1 MB file plus form overhead,
    // so the app (not the framework) answers an oversized file with a clear message.
    serverActions: { bodySizeLimit: '2mb' },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
