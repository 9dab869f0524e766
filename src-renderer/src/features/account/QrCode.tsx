// Shows a tg://login URL as a QR code for Telegram's "Scan to log in".
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function QrCode({ url }: { url: string }) {
  const [image, setImage] = useState<{ url: string; data: string } | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(url, { margin: 1, width: 220 }).then((data) => current && setImage({ url, data }));
    return () => {
      current = false;
    };
  }, [url]);
  if (image?.url !== url) return <div className="qr-placeholder">Preparing the code…</div>;
  return <img className="qr" src={image.data} alt="QR code: scan it in Telegram under Settings → Devices → Link Desktop Device" data-testid="qr-code" />;
}
