import { AccessMessage } from './_components/access-message';

export default function Unauthorized() {
  return <AccessMessage kind="unauthorized" />;
}
